-- pair-plan.lua: stores one week's pairing of a guild and the pairs it makes meet, together.
-- Guarantees: (1) a week is paired once: when the week's hash already holds groups, nothing is written and
-- 'exists' is returned (the caller then reads the stored groups), so a retry after a crash or a second
-- instance reuses the first pairing instead of making another; (2) atomically with the groups, the met-pairs
-- history starts over when the pairing did (restart = 1) and gains this week's pairs, so the history never
-- counts a week that was not stored, nor misses one that was.
-- KEYS: 1 the week's hash, 2 the guild's met pairs set
-- ARGV: 1 groups ("a,b;c,d,e"), 2 restart (1 or 0), 3 the number n of groups, 4..3+n each group's questions
--       ("q1,q2": the question each member asks, in the group's order), then the met pairs ("a:b")
if redis.call('HEXISTS', KEYS[1], 'groups') == 1 then return 'exists' end
local n = tonumber(ARGV[3])
redis.call('HSET', KEYS[1], 'groups', ARGV[1])
for i = 1, n do
  redis.call('HSET', KEYS[1], 'q:' .. (i - 1), ARGV[3 + i])
end
if ARGV[2] == '1' then redis.call('DEL', KEYS[2]) end
for i = 4 + n, #ARGV do
  redis.call('SADD', KEYS[2], ARGV[i])
end
return 'stored'
