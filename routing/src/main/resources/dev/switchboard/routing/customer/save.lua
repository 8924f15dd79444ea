-- Stores customers and moves their indexes; each record with its indexes changes atomically.
-- KEYS[1] name index zset; then per record: its hash, then the identity index sets it belongs in
-- ARGV[1] record count; then per record: id, record JSON, name index member, number of index sets
local k, a = 2, 2
for _ = 1, tonumber(ARGV[1]) do
  local id, json, member, count = ARGV[a], ARGV[a + 1], ARGV[a + 2], tonumber(ARGV[a + 3])
  local record = KEYS[k]
  local old = redis.call('HMGET', record, 'name', 'idx')
  if old[1] then
    redis.call('ZREM', KEYS[1], old[1])
  end
  if old[2] then
    for key in string.gmatch(old[2], '[^\n]+') do
      redis.call('SREM', key, id)
    end
  end
  for i = k + 1, k + count do
    redis.call('SADD', KEYS[i], id)
  end
  redis.call('HSET', record, 'json', json, 'name', member, 'idx', table.concat(KEYS, '\n', k + 1, k + count))
  redis.call('ZADD', KEYS[1], 0, member)
  k, a = k + count + 1, a + 4
end
return tonumber(ARGV[1])
