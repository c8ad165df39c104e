-- pair-session.lua: a held mock-interview session gives each member of the pair (or trio) its points.
-- Guarantees: (1) at most once per event id: the id (one per pair and week) is added to the guild's
-- pair-session seen set first, and a second call with it returns 'duplicate' and changes nothing, so a second
-- /drill pair done, a retried interaction or a second instance cannot score twice;
-- (2) atomically, every member's session count and the three boards change together.
-- KEYS: 1 seen set, 2 board all-time, 3 board week, 4 board month, 5.. the members' hashes (one per member)
-- ARGV: 1 event id, 2 points per member, 3 tie, 4.. the member ids (in the order of KEYS 5..)
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 'duplicate' end
local points = tonumber(ARGV[2])
local tie = tonumber(ARGV[3])
for i = 5, #KEYS do
  local member = ARGV[i - 1]
  redis.call('HINCRBY', KEYS[i], 'pairs', 1)
  boards_add(KEYS[2], KEYS[3], KEYS[4], member, points, tie)
end
return 'recorded'
