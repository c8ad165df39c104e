-- answer-record.lua: counts members' answers, each at most once; one call carries one answer or a batch of
-- concurrent answers of one guild (one hash slot), applied in order, each exactly as if alone.
-- Guarantees, for each answer: (1) the event id goes into the round's seen set first; if it was already there (a
-- redelivered gateway event, a Lettuce replay, a second instance, a retry) nothing changes; (2) nothing
-- changes either for a message deleted before (its delete id is in the seen set), a voided round (id 0 in
-- the seen set), or a member who already has a counted answer in this round (which includes this very
-- message); (3) otherwise, atomically: the packed record (with the undo data of the member's streak state),
-- the member's counters and streak, the display name and the all-time, week and month boards change
-- together.
-- Kept to few redis.call()s on purpose: each costs more than the arithmetic around it, and this is the
-- busiest script.
-- Per answer, 7 KEYS and 12 ARGV, answer after answer; returns one status per answer.
-- KEYS: 1 seen, 2 answers, 3 member, 4 names, 5 board all-time, 6 board week, 7 board month
-- ARGV: 1 event id, 2 delete id of the message, 3 message id, 4 member id, 5 display name ('' when this
--       process already stored it), 6 round seq, 7 answer points, 8 streak bonus per round, 9 streak bonus
--       max, 10 tie, 11 seen ttl (seconds), 12 '1' when the seen set's ttl may still need setting
local function record_answer(K, A)
  local seen = redis.call('SMISMEMBER', K[1], A[1], A[2], '0')
  if seen[1] == 1 then return 'duplicate' end
  redis.call('SADD', K[1], A[1])
  if A[12] == '1' then expire_once(K[1], A[11]) end
  if seen[2] == 1 then return 'deleted' end
  if seen[3] == 1 then return 'void' end

  local seq = tonumber(A[6])
  local m = redis.call('HMGET', K[3], 'lastSeq', 'streak', 'best', 'answers')
  local last = tonumber(m[1]) or -1
  local streak = tonumber(m[2]) or 0
  local best = tonumber(m[3]) or 0
  if last == seq then return 'answered' end

  local bonus = 0
  local out = {'answers', (tonumber(m[4]) or 0) + 1}
  if last > seq then
    -- Only with overlapping answer windows: a later round was answered first. The lastSeq shortcut cannot
    -- tell whether this round has an answer, so look; the streak belongs to the later round and stays.
    local prefix = A[4] .. ','
    for _, v in ipairs(redis.call('HVALS', K[2])) do
      if string.sub(v, 1, #prefix) == prefix then return 'answered' end
    end
  else
    local next_streak = 1
    if last == seq - 1 then next_streak = streak + 1 end
    bonus = math.min((next_streak - 1) * tonumber(A[8]), tonumber(A[9]))
    local n = #out
    out[n + 1], out[n + 2], out[n + 3], out[n + 4] = 'lastSeq', seq, 'streak', next_streak
    out[n + 5], out[n + 6], out[n + 7], out[n + 8] = 'best', math.max(best, next_streak), 'lastMsg', A[3]
  end

  local base = tonumber(A[7])
  redis.call('HSET', K[3], unpack(out))
  redis.call('HSET', K[2], A[3], pack_record({A[4], base, bonus, 0, 0, 0, last, streak, best}))
  if A[5] ~= '' then redis.call('HSET', K[4], A[4], A[5]) end
  boards_add(K[5], K[6], K[7], A[4], base + bonus, tonumber(A[10]))
  return 'recorded'
end

local statuses = {}
for i = 0, #KEYS / 7 - 1 do
  statuses[#statuses + 1] = record_answer(
    {KEYS[i * 7 + 1], KEYS[i * 7 + 2], KEYS[i * 7 + 3], KEYS[i * 7 + 4], KEYS[i * 7 + 5], KEYS[i * 7 + 6],
      KEYS[i * 7 + 7]},
    {ARGV[i * 12 + 1], ARGV[i * 12 + 2], ARGV[i * 12 + 3], ARGV[i * 12 + 4], ARGV[i * 12 + 5], ARGV[i * 12 + 6],
      ARGV[i * 12 + 7], ARGV[i * 12 + 8], ARGV[i * 12 + 9], ARGV[i * 12 + 10], ARGV[i * 12 + 11], ARGV[i * 12 + 12]})
end
return statuses
