-- score-lib.lua: helpers prepended to every score script before it is loaded, so each score change is
-- still one script (one EVALSHA, atomic). Guarantees: a board entry's score is always
-- points * 1e10 + tie (tie = 9999999999 - seconds since 2020 of the change: the earlier, the higher); an
-- entry whose points fall to 0 is removed; a withdrawal undoes exactly what its packed record says it added.
-- Ids stay strings: Discord snowflakes do not fit in Lua's doubles.
local SCALE = 10000000000

-- Gives a round's seen or voters set its lifetime once, at its first event: the round closes within 7
-- days, so ids older than that can no longer arrive. Setting it once keeps a TTL rewrite out of every call.
local function expire_once(key, ttl)
  if redis.call('TTL', key) < 0 then redis.call('EXPIRE', key, ttl) end
end

-- Adds delta points to one board entry, keeping the tie-break encoding. ZSCORE then ZADD: reading the old
-- points is cheaper than keeping a copy of them in the member hash (measured).
local function board_add(key, member, delta, tie)
  if delta == 0 then return end
  local old = redis.call('ZSCORE', key, member)
  local points = delta
  if old then points = points + math.floor(tonumber(old) / SCALE) end
  if points <= 0 then
    redis.call('ZREM', key, member)
  else
    redis.call('ZADD', key, string.format('%.0f', points * SCALE + tie), member)
  end
end

local function boards_add(all, week, month, member, delta, tie)
  board_add(all, member, delta, tie)
  board_add(week, member, delta, tie)
  board_add(month, member, delta, tie)
end

-- A counted answer, packed as one short hash value:
-- member,base,streakBonus,votes,votePoints,awardPoints,prevLastSeq,prevStreak,prevBest
local function unpack_record(s)
  local f = {}
  for part in string.gmatch(s, '[^,]+') do f[#f + 1] = part end
  for i = 2, 9 do f[i] = tonumber(f[i]) end
  return f
end

local function pack_record(f)
  return table.concat(f, ',')
end

-- Message ids are all digits; other fields of the answers hash ('best', 'void') are round metadata.
local function is_message(field)
  return string.match(field, '^%d+$') ~= nil
end

-- Withdraws one counted answer: its points from the boards of its round's periods, its counts from the
-- member, the member's streak state back to before it (when it is still their latest answer: a later
-- answer's streak is not rewritten), its votes, and a best-answer award that pointed at it.
-- p = {all, week, month, seq, tie, date, seen, mark}: the boards of the answer's round, its seq, the tie of
-- this change, its date (leaves the author's answered days, days_key), and (unless the round is being
-- voided) its seen set and the author's answered mark to remove.
local function withdraw(answers, voters, member_key, days_key, p, msg, f, forget_votes)
  boards_add(p.all, p.week, p.month, f[1], -(f[2] + f[3] + f[5] + f[6]), p.tie)
  local m = redis.call('HMGET', member_key, 'lastSeq', 'answers', 'votes', 'awards')
  local out = {'answers', math.max(0, (tonumber(m[2]) or 1) - 1)}
  if f[4] > 0 then out[#out + 1], out[#out + 2] = 'votes', math.max(0, (tonumber(m[3]) or 0) - f[4]) end
  if f[6] > 0 then out[#out + 1], out[#out + 2] = 'awards', math.max(0, (tonumber(m[4]) or 1) - 1) end
  if tonumber(m[1]) == p.seq then
    local n = #out
    out[n + 1], out[n + 2], out[n + 3], out[n + 4], out[n + 5], out[n + 6] =
      'lastSeq', f[7], 'streak', f[8], 'best', f[9]
    redis.call('HDEL', member_key, 'lastMsg')
  end
  redis.call('HSET', member_key, unpack(out))
  redis.call('HDEL', answers, msg)
  redis.call('ZREM', days_key, p.date)
  if p.mark then redis.call('SREM', p.seen, p.mark) end
  if redis.call('HGET', answers, 'best') == msg then redis.call('HDEL', answers, 'best') end
  if forget_votes and f[4] > 0 then
    local cursor = '0'
    repeat
      local page = redis.call('SSCAN', voters, cursor, 'MATCH', msg .. ':*', 'COUNT', 500)
      cursor = page[1]
      if #page[2] > 0 then redis.call('SREM', voters, unpack(page[2])) end
    until cursor == '0'
  end
end

