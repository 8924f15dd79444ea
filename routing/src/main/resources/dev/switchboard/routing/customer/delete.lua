-- Removes one customer, its indexes, its name entry and its timeline.
-- KEYS[1] record hash, KEYS[2] name index zset, KEYS[3] timeline list; ARGV[1] id
local old = redis.call('HMGET', KEYS[1], 'name', 'idx')
if not old[1] then
  return 0
end
redis.call('ZREM', KEYS[2], old[1])
if old[2] then
  for key in string.gmatch(old[2], '[^\n]+') do
    redis.call('SREM', key, ARGV[1])
  end
end
redis.call('DEL', KEYS[1], KEYS[3])
return 1
