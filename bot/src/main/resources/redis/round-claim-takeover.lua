-- round-claim-takeover.lua: takes over a stale claim of a round (its instance died before posting).
-- Guarantees: the claim changes only if it is still exactly the one the caller saw, so of two instances
-- that both find it stale, one takes it over and the other is told no.
-- KEYS: 1 the round's claim
-- ARGV: 1 the claim the caller saw, 2 the caller's claim, 3 the claim's lifetime (ms)
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
