-- answer-award.lua: gives a round's best-answer award to one counted answer.
-- Guarantees: (1) at most one award per round: the round's 'best' field is the idempotency key; once it is
-- set, any award (the same one again included) returns 'taken' and changes nothing, so a second click never
-- posts a second note;
-- (2) only a counted answer can be awarded; (3) atomically, the record's award points, the author's award
-- count and the three boards of the answer's round change together.
-- The caller names the answer's author; a mismatch returns 'stale' without writing anything.
-- KEYS: 1 answers, 2 member (author), 3 board all-time, 4 board week, 5 board month
-- ARGV: 1 message id, 2 expected author, 3 award points, 4 tie
local record = redis.call('HGET', KEYS[1], ARGV[1])
if not record then return 'none' end
local f = unpack_record(record)
if f[1] ~= ARGV[2] then return 'stale' end
local current = redis.call('HGET', KEYS[1], 'best')
if current then return 'taken' end
redis.call('HSET', KEYS[1], 'best', ARGV[1])
f[6] = tonumber(ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], pack_record(f))
redis.call('HINCRBY', KEYS[2], 'awards', 1)
boards_add(KEYS[3], KEYS[4], KEYS[5], f[1], f[6], tonumber(ARGV[4]))
return 'awarded'
