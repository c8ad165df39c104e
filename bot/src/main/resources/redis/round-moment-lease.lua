-- round-moment-lease.lua: decides who fires a round's moment (a reminder, a reveal), once per round.
-- Guarantees: never again once done; one holder at a time: the first caller, the same instance again
-- (its firing failed and is tried again), or anyone once the holder's lease is older than the stale limit.
-- KEYS: 1 the round hash (field 'moment:<name>' = 'done' or '<instance>|<epoch ms>')
-- ARGV: 1 the field, 2 the caller's instance, 3 now (epoch ms), 4 the stale limit (epoch ms)
local v = redis.call('HGET', KEYS[1], ARGV[1])
if v == 'done' then return 0 end
if v then
  local owner, at = string.match(v, '^(.*)|(%d+)$')
  if owner ~= ARGV[2] and tonumber(at or '0') > tonumber(ARGV[4]) then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
return 1
