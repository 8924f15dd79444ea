-- Ends every session of one account except, optionally, one.
-- KEYS[1] set of the account's session digests; ARGV[1] prefix of session keys, ARGV[2] digest to keep or ''.
-- Session keys share the center's hash tag with KEYS[1], so they live in the same cluster slot.
local ended = 0
for _, digest in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if digest ~= ARGV[2] then
    ended = ended + redis.call('DEL', ARGV[1] .. digest)
    redis.call('SREM', KEYS[1], digest)
  end
end
return ended
