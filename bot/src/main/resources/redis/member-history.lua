-- member-history.lua: what a member's progress card draws, in one round trip, read only.
-- Guarantees: the week scores and the answered days come from the same instant (a script runs atomically).
-- KEYS: 1 the member's answered days, 2.. week boards, oldest first
-- ARGV: 1 member id, 2 the first epoch day wanted
local weeks = {}
for i = 2, #KEYS do weeks[i - 1] = redis.call('ZSCORE', KEYS[i], ARGV[1]) or '' end
return {weeks, redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[2], '+inf')}
