-- Deletes one account. KEYS[1] account hash, KEYS[2] set of account ids; ARGV[1] id.
-- Returns 1 when it existed.
local removed = redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return removed
