-- round-close.lua: closes a round for scoring and marks its recap as owed.
-- Guarantees: atomically, the round's state becomes CLOSED or SKIPPED with its close time, it stops being
-- the guild's current round, its rotation step is forgotten, and its date joins the guild's set of recaps
-- still to post, which the scheduler retries until the lock and recap are out (a crash or a Discord error
-- between the close and the recap can no longer lose it).
-- KEYS: 1 the round hash, 2 the guild's state hash, 3 the guild's pending recaps (set of dates)
-- ARGV: 1 the round's date, 2 the new state, 3 the close time (epoch ms)
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'closedAt', ARGV[3])
if redis.call('HGET', KEYS[2], 'current') == ARGV[1] then redis.call('HDEL', KEYS[2], 'current') end
redis.call('HDEL', KEYS[2], 'rotation:' .. ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
