-- answer-record.lua: counts a member's answer in a round, at most once.
-- Guarantees: (1) the event id goes into the round's seen set before any other write; if it was already
-- there (a redelivered gateway event, a Lettuce replay, a second instance, a retry) nothing changes; (2)
-- nothing changes either for a message deleted before (its delete id is in the seen set), a voided round (id
-- 0 in the seen set), or a member who already has a counted answer in this round (their answered mark,
-- member id + 2^62, is in the seen set; this includes this very message); (3) otherwise, atomically: the packed record (with the undo data of the member's streak state),
-- the member's counters and streak, the display name and the all-time, week and month boards change
-- together.
-- Kept to few redis.call()s on purpose: each costs more than the arithmetic around it, and this is the
-- busiest script.
-- KEYS: 1 seen, 2 answers, 3 member, 4 names, 5 board all-time, 6 board week, 7 board month, 8 answered days
-- ARGV: 1 event id, 2 delete id of the message, 3 message id, 4 member id, 5 display name ('' when this
--       process already stored it), 6 round seq, 7 answer points, 8 streak bonus per round, 9 streak bonus
--       max, 10 tie, 11 seen ttl (seconds), 12 '1' when the seen set's ttl may still need setting,
--       13 the member's answered mark, 14 the round's date, 15 its epoch day, 16 the first epoch day kept
local seen = redis.call('SMISMEMBER', KEYS[1], ARGV[1], ARGV[2], '0', ARGV[13])
if seen[1] == 1 then return 'duplicate' end
local refused = (seen[2] == 1 and 'deleted') or (seen[3] == 1 and 'void') or (seen[4] == 1 and 'answered')
if refused then
  redis.call('SADD', KEYS[1], ARGV[1])
  if ARGV[12] == '1' then expire_once(KEYS[1], ARGV[11]) end
  return refused
end
-- The event id and the member's answered mark, in one call, before any other write.
redis.call('SADD', KEYS[1], ARGV[1], ARGV[13])
if ARGV[12] == '1' then expire_once(KEYS[1], ARGV[11]) end

local seq = tonumber(ARGV[6])
local m = redis.call('HMGET', KEYS[3], 'lastSeq', 'streak', 'best', 'answers')
local last = tonumber(m[1]) or -1
local streak = tonumber(m[2]) or 0
local best = tonumber(m[3]) or 0

local bonus = 0
local out = {'answers', (tonumber(m[4]) or 0) + 1}
-- last >= seq only with overlapping answer windows, when a later round was answered first: the streak
-- belongs to that later round and stays as it is, and this answer earns no streak bonus.
if last < seq then
  local next_streak = 1
  if last == seq - 1 then next_streak = streak + 1 end
  bonus = math.min((next_streak - 1) * tonumber(ARGV[8]), tonumber(ARGV[9]))
  local n = #out
  out[n + 1], out[n + 2], out[n + 3], out[n + 4] = 'lastSeq', seq, 'streak', next_streak
  out[n + 5], out[n + 6], out[n + 7], out[n + 8] = 'best', math.max(best, next_streak), 'lastMsg', ARGV[3]
end

local base = tonumber(ARGV[7])
redis.call('HSET', KEYS[3], unpack(out))
redis.call('HSET', KEYS[2], ARGV[3], pack_record({ARGV[4], base, bonus, 0, 0, 0, last, streak, best}))
if ARGV[5] ~= '' then redis.call('HSET', KEYS[4], ARGV[4], ARGV[5]) end
boards_add(KEYS[5], KEYS[6], KEYS[7], ARGV[4], base + bonus, tonumber(ARGV[10]))
redis.call('ZADD', KEYS[8], ARGV[15], ARGV[14])
redis.call('ZREMRANGEBYSCORE', KEYS[8], '-inf', '(' .. ARGV[16])
return 'recorded'
