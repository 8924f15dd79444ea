-- Ends a conversation once: marks it, starts the retention countdown, publishes the end.
-- KEYS: 1 meta hash, 2 message list, 3 clientId -> seq hash
-- ARGV: 1 conversation, 2 by, 3 at (ms), 4 retention seconds, 5 event channel
-- Reply: 1 when this call ended it, 0 when it had already ended
if redis.call('HGET', KEYS[1], 'ended') then
  return 0
end
redis.call('HSET', KEYS[1], 'ended', ARGV[3], 'by', ARGV[2])
local retention = tonumber(ARGV[4])
for i = 1, 3 do
  redis.call('EXPIRE', KEYS[i], retention)
end
redis.call('PUBLISH', ARGV[5], cjson.encode({type = 'ended', conversation = ARGV[1], by = ARGV[2],
  at = tonumber(ARGV[3])}))
return 1
