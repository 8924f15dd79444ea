-- Uses a session: reads it, ends it when past its absolute expiry, else pushes its idle expiry forward,
-- and reads its account in the same step, so a request is authenticated in one round trip.
-- KEYS[1] session hash
-- ARGV[1] now (epoch ms), ARGV[2] idle time to live in ms, ARGV[3] key prefix of account hashes
-- Returns {} when there is no live session, else {session field/value pairs, account field/value pairs}.
local session = redis.call('HGETALL', KEYS[1])
if #session == 0 then
  return {}
end
local fields = {}
for i = 1, #session, 2 do
  fields[session[i]] = session[i + 1]
end
local now = tonumber(ARGV[1])
local expires = tonumber(fields['expires'])
if expires == nil or fields['account'] == nil then
  return {session, {}}
end
if now >= expires then
  redis.call('DEL', KEYS[1])
  return {}
end
redis.call('PEXPIRE', KEYS[1], math.max(1, math.min(tonumber(ARGV[2]), expires - now)))
return {session, redis.call('HGETALL', ARGV[3] .. fields['account'])}
