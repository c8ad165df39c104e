-- round-seq-release.lua: gives a skipped round's number back, so skipping does not break anyone's streak.
-- Guarantees: the counter goes back only if the skipped round still holds the latest number (no later
-- round has taken one since), and only once.
-- KEYS: 1 the guild's state hash (field seq)
-- ARGV: 1 the skipped round's number
if tonumber(redis.call('HGET', KEYS[1], 'seq')) == tonumber(ARGV[1]) then
  redis.call('HINCRBY', KEYS[1], 'seq', -1)
end
return 0
