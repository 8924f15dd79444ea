-- Fills Redis with the keys of an earlier period, as a running center's Redis holds them (ended contacts kept
-- for their retention time): KEYS[1] declares the center's slot; ARGV[1] = key prefix, ARGV[2] = first number,
-- ARGV[3] = how many, ARGV[4] = their time to live in seconds. Returns how many it wrote.
local prefix, first, count, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
for i = first, first + count - 1 do
  redis.call('SET', prefix .. i, '1', 'EX', ttl)
end
return count
