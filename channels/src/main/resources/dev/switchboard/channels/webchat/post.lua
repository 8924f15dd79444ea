-- Appends one message to a conversation, numbered atomically, and publishes it.
-- KEYS: 1 meta hash, 2 message list, 3 clientId -> seq hash
-- ARGV: 1 conversation, 2 sender, 3 author, 4 text, 5 at (ms), 6 clientId ('' for none),
--       7 max messages, 8 retention seconds, 9 event channel
-- Reply: {'ok', json} | {'dup', json} | {'ended'} | {'full'}
if redis.call('HGET', KEYS[1], 'ended') then
  return {'ended'}
end
local clientId = ARGV[6]
if clientId ~= '' then
  local known = redis.call('HGET', KEYS[3], clientId)
  if known then
    return {'dup', redis.call('LINDEX', KEYS[2], tonumber(known) - 1)}
  end
end
local seq = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0') + 1
if seq > tonumber(ARGV[7]) then
  return {'full'}
end
redis.call('HSET', KEYS[1], 'seq', seq)
local message = cjson.encode({seq = seq, sender = ARGV[2], author = ARGV[3], text = ARGV[4],
  at = tonumber(ARGV[5]), clientId = clientId})
redis.call('RPUSH', KEYS[2], message)
if clientId ~= '' then
  redis.call('HSET', KEYS[3], clientId, seq)
end
local retention = tonumber(ARGV[8])
for i = 1, 3 do
  redis.call('EXPIRE', KEYS[i], retention)
end
redis.call('PUBLISH', ARGV[9], cjson.encode({type = 'posted', conversation = ARGV[1], message = message}))
return {'ok', message}
