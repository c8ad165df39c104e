-- member-stats.lua: a member's counters, name, board scores and all-time rank in one round trip, read only.
-- Guarantees: every figure comes from the same instant (a script runs atomically).
-- KEYS: 1 member, 2 names, 3 board all-time, 4 board week, 5 board month
-- ARGV: 1 member id
local counters = redis.call('HMGET', KEYS[1], 'answers', 'streak', 'best', 'lastSeq', 'votes', 'awards')
for i = 1, #counters do counters[i] = counters[i] or '' end
return {
  counters,
  redis.call('HGET', KEYS[2], ARGV[1]) or '',
  redis.call('ZSCORE', KEYS[3], ARGV[1]) or '',
  redis.call('ZREVRANK', KEYS[3], ARGV[1]) or -1,
  redis.call('ZSCORE', KEYS[4], ARGV[1]) or '',
  redis.call('ZSCORE', KEYS[5], ARGV[1]) or ''
}
