-- Adds an entry at the head of a customer's timeline and trims it to its limit.
-- KEYS[1] record hash, KEYS[2] timeline list; ARGV[1] entry JSON, ARGV[2] limit
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
redis.call('LPUSH', KEYS[2], ARGV[1])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[2]) - 1)
return 1
