-- round-close-lease.lua: decides who closes a round (locks its thread, posts its recap).
-- Guarantees: one holder at a time: the first caller; the same instance again (its close failed halfway
-- and is being finished); or anyone once the holder's lease is older than the stale limit.
-- KEYS: 1 the round hash (field closedBy = '<instance>|<epoch ms>')
-- ARGV: 1 the caller's instance, 2 now (epoch ms), 3 the stale limit (epoch ms: leases from before it expired)
local v = redis.call('HGET', KEYS[1], 'closedBy')
if v then
  local owner, at = string.match(v, '^(.*)|(%d+)$')
  if owner ~= ARGV[1] and tonumber(at or '0') > tonumber(ARGV[3]) then return 0 end
end
redis.call('HSET', KEYS[1], 'closedBy', ARGV[1] .. '|' .. ARGV[2])
return 1
