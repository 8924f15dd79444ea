-- Stores a new session and files it under its account.
-- KEYS[1] session hash, KEYS[2] set of the account's session digests
-- ARGV[1] time to live in ms, ARGV[2] the session's digest, ARGV[3] the set's time to live in ms,
-- ARGV[4..] field/value pairs.
local fields = {}
for i = 4, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 1
