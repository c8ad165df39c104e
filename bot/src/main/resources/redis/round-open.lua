-- round-open.lua: records what Discord answered for a round's post; from here on it takes answers.
-- Guarantees: atomically and at most once per round, the round gets its number (the guild's counter is
-- incremented only when the round has none yet, so a retried or replayed opening gets the same number
-- and nobody's streak breaks), its message and thread, state OPEN, its thread in the guild's thread map,
-- and becomes the guild's current and last round.
-- KEYS: 1 the round hash, 2 the guild's threads hash, 3 the guild's state hash
-- ARGV: 1 the round's date, 2 the posted message id, 3 the thread id
local seq = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0') or 0
if seq == 0 then seq = redis.call('HINCRBY', KEYS[3], 'seq', 1) end
redis.call('HSET', KEYS[1], 'message', ARGV[2], 'thread', ARGV[3], 'seq', seq, 'state', 'OPEN')
redis.call('HSET', KEYS[2], ARGV[3], ARGV[1])
local last = redis.call('HGET', KEYS[3], 'last')
if last and last ~= ARGV[1] then redis.call('HSET', KEYS[3], 'prevLast', last) end
redis.call('HSET', KEYS[3], 'current', ARGV[1], 'last', ARGV[1])
return seq
