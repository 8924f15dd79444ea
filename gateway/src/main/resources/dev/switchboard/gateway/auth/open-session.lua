-- Stores a new session. KEYS[1] session hash; ARGV[1] time to live in ms, ARGV[2..] field/value pairs.
local fields = {}
for i = 2, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
