-- Counts one sign-in attempt against each window unless one is already full.
-- KEYS[i] failure counters (per account, per address); ARGV[1] window seconds, ARGV[1 + i] limit of KEYS[i].
-- Returns 0 when the attempt may proceed (counters incremented), else the seconds until the full window ends.
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count >= tonumber(ARGV[1 + i]) then
    local ttl = redis.call('TTL', KEYS[i])
    if ttl < 1 then
      redis.call('EXPIRE', KEYS[i], ARGV[1])
      ttl = tonumber(ARGV[1])
    end
    return ttl
  end
end
for i = 1, #KEYS do
  if redis.call('INCR', KEYS[i]) == 1 then
    redis.call('EXPIRE', KEYS[i], ARGV[1])
  end
end
return 0
