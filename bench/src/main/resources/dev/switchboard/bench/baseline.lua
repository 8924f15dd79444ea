-- The baseline's round trip: no routing logic, one publish of a payload as large as an offer event.
-- KEYS[1] channel; ARGV[1] payload
redis.call('PUBLISH', KEYS[1], ARGV[1])
return 1
