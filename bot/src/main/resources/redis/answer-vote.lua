-- answer-vote.lua: adds or removes one member's 👍 on a counted answer.
-- Guarantees: (1) the vote '<message>:<voter>' in the round's voters set is the idempotency key: SADD on
-- add, SREM on remove; when it changes nothing (a redelivered add, a remove of a vote that never counted)
-- nothing else changes, so add/remove are idempotent by state; (2) a vote on a message that is not a
-- counted answer, or by its own author, never counts; (3) atomically, the record's vote count, the vote
-- points (capped), the author's votes received and the three boards of the answer's round change together.
-- The caller names the answer's author; a mismatch returns 'stale' without writing anything.
-- KEYS: 1 voters, 2 answers, 3 member (author), 4 board all-time, 5 board week, 6 board month
-- ARGV: 1 message id, 2 voter, 3 expected author, 4 '1' add | '-1' remove, 5 points per vote,
--       6 vote points max, 7 tie, 8 voters ttl (seconds)
local record = redis.call('HGET', KEYS[2], ARGV[1])
if not record then return 'none' end
local f = unpack_record(record)
if f[1] ~= ARGV[3] then return 'stale' end
if f[1] == ARGV[2] then return 'self' end
local d = tonumber(ARGV[4])
local vote = ARGV[1] .. ':' .. ARGV[2]
if d > 0 then
  if redis.call('SADD', KEYS[1], vote) == 0 then return 'duplicate' end
  expire_once(KEYS[1], ARGV[8])
else
  if redis.call('SREM', KEYS[1], vote) == 0 then return 'duplicate' end
end
local votes = math.max(0, f[4] + d)
local points = math.min(votes * tonumber(ARGV[5]), tonumber(ARGV[6]))
local delta = points - f[5]
f[4], f[5] = votes, points
redis.call('HSET', KEYS[2], ARGV[1], pack_record(f))
redis.call('HINCRBY', KEYS[3], 'votes', d)
boards_add(KEYS[4], KEYS[5], KEYS[6], f[1], delta, tonumber(ARGV[7]))
return 'counted'
