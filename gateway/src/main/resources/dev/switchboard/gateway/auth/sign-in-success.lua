-- A sign-in succeeded: forget the account's failures and give back the address's provisional count.
-- KEYS[1] per-account counter, KEYS[2] per-address counter.
redis.call('DEL', KEYS[1])
if redis.call('EXISTS', KEYS[2]) == 1 and tonumber(redis.call('GET', KEYS[2])) > 0 then
  redis.call('DECR', KEYS[2])
end
return 1
