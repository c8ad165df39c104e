-- suggestion-open.lua: records a member's suggestion for review, at most a few open per member.
-- Guarantees: a member never has more than ARGV[3] open suggestions, whatever arrives at once (the count
-- and the write are one step); an id is recorded once (a repeated id changes nothing).
-- KEYS: 1 the guild's suggestions hash (id -> JSON), 2 the member's set of open suggestion ids
-- ARGV: 1 the suggestion id, 2 its JSON, 3 the most open suggestions a member may have
-- Returns 1 when recorded, 0 when the member already has the most open, -1 for an id already recorded.
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  return -1
end
if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[3]) then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
return 1
