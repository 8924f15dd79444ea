-- The JSON of every customer in one identity index; ids without a record are skipped.
-- KEYS[1] identity index set; ARGV[1] record key prefix
local out = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local json = redis.call('HGET', ARGV[1] .. id, 'json')
  if json then
    out[#out + 1] = json
  end
end
return out
