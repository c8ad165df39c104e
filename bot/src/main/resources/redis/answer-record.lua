-- answer-record.lua: counts a member's answer in a round, at most once.
-- Guarantees: (1) the event id goes into the round's seen set first; if it was already there (a
-- redelivered gateway event, a Lettuce replay, a second instance, a retry) nothing changes; (2) nothing
-- changes either for a message deleted before (its delete id is in the seen set), a voided round, a message
-- already counted, or a member who already has a counted answer in this round; (3) otherwise, atomically:
-- the packed record (with the undo data of the member's streak state), the member's counters and streak,
-- the display name and the all-time, week and month boards are updated together.
-- KEYS: 1 seen, 2 answers, 3 member, 4 names, 5 board all-time, 6 board week, 7 board month
-- ARGV: 1 event id, 2 delete id of the message, 3 message id, 4 member id, 5 display name, 6 round seq,
--       7 answer points, 8 streak bonus per round, 9 streak bonus max, 10 tie, 11 seen ttl (seconds)
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 'duplicate' end
redis.call('EXPIRE', KEYS[1], ARGV[11])
if redis.call('SISMEMBER', KEYS[1], ARGV[2]) == 1 then return 'deleted' end
local round = redis.call('HMGET', KEYS[2], ARGV[3], 'void')
if round[2] then return 'void' end
if round[1] then return 'already_counted' end

local seq = tonumber(ARGV[6])
local state = redis.call('HMGET', KEYS[3], 'lastSeq', 'streak', 'best')
local last = tonumber(state[1]) or -1
local streak = tonumber(state[2]) or 0
local best = tonumber(state[3]) or 0
if last == seq then return 'answered' end

local next_last, next_streak, next_best, bonus = seq, 1, best, 0
if last > seq then
  -- Only with overlapping answer windows: a later round was answered first. The lastSeq shortcut cannot
  -- tell whether this round has an answer, so look; the streak belongs to the later round and stays.
  local prefix = ARGV[4] .. ','
  for _, v in ipairs(redis.call('HVALS', KEYS[2])) do
    if string.sub(v, 1, #prefix) == prefix then return 'answered' end
  end
  next_last, next_streak = last, streak
else
  if last == seq - 1 then next_streak = streak + 1 end
  if next_streak > best then next_best = next_streak end
  bonus = math.min((next_streak - 1) * tonumber(ARGV[8]), tonumber(ARGV[9]))
end

local base = tonumber(ARGV[7])
redis.call('HSET', KEYS[2], ARGV[3], pack_record({ARGV[4], base, bonus, 0, 0, 0, last, streak, best}))
if next_last == seq then
  redis.call('HSET', KEYS[3], 'lastSeq', next_last, 'streak', next_streak, 'best', next_best, 'lastMsg', ARGV[3])
end
redis.call('HINCRBY', KEYS[3], 'answers', 1)
redis.call('HSET', KEYS[4], ARGV[4], ARGV[5])
boards_add(KEYS[5], KEYS[6], KEYS[7], ARGV[4], base + bonus, tonumber(ARGV[10]))
return 'recorded'
