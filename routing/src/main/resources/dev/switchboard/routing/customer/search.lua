-- The JSON of customers whose name index member lies in a lex range, in name order.
-- KEYS[1] name index zset; ARGV[1] min, ARGV[2] max, ARGV[3] limit, ARGV[4] record key prefix
local out = {}
local members = redis.call('ZRANGEBYLEX', KEYS[1], ARGV[1], ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
for _, member in ipairs(members) do
  local id = string.match(member, '^.*%z(.*)$')
  local json = id and redis.call('HGET', ARGV[4] .. id, 'json')
  if json then
    out[#out + 1] = json
  end
end
return out
