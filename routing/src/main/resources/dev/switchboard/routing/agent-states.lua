-- The routing state of each agent hash in KEYS, in order ('' for an agent who never logged in):
-- one round trip for the state gauges however many agents there are.
local states = {}
for i, key in ipairs(KEYS) do
  states[i] = redis.call('HGET', key, 'state') or ''
end
return states
