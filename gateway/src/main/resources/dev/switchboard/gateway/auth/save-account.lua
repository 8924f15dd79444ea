-- Creates or updates one account atomically.
-- KEYS[1] account hash, KEYS[2] set of account ids
-- ARGV[1] 'create' (fails when present) or 'update' (fails when absent), ARGV[2] id, ARGV[3..] field/value pairs
-- Returns 1 when written, 0 when the precondition failed.
local exists = redis.call('EXISTS', KEYS[1]) == 1
if (ARGV[1] == 'create' and exists) or (ARGV[1] == 'update' and not exists) then
  return 0
end
local fields = {}
for i = 3, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('SADD', KEYS[2], ARGV[2])
return 1
