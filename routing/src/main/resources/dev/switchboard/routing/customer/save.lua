-- Stores one customer and moves its indexes atomically.
-- KEYS[1] record hash, KEYS[2] name index zset, KEYS[3..] identity index sets of the new record
-- ARGV[1] id, ARGV[2] record JSON, ARGV[3] name index member
local old = redis.call('HMGET', KEYS[1], 'name', 'idx')
if old[1] then
  redis.call('ZREM', KEYS[2], old[1])
end
if old[2] then
  for key in string.gmatch(old[2], '[^\n]+') do
    redis.call('SREM', key, ARGV[1])
  end
end
local idx = {}
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], ARGV[1])
  idx[#idx + 1] = KEYS[i]
end
redis.call('HSET', KEYS[1], 'json', ARGV[2], 'name', ARGV[3], 'idx', table.concat(idx, '\n'))
redis.call('ZADD', KEYS[2], 0, ARGV[3])
return 1
