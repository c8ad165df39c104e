-- answer-blind-save.lua: keeps a member's blind answer until the reveal posts it.
-- Guarantees: (1) once the reveal began (field 'revealed' set, first thing the reveal does) nothing is saved,
-- so no answer can arrive after the reveal read the list and wait in Redis unposted; (2) a member's first
-- submission takes the next place in the order ('o:<member>', from the counter 'seq'), a later one replaces
-- the text and name and keeps the place; (3) the whole hash expires ARGV[4] seconds after the last save, so
-- text of a round that never reveals (skipped) does not stay.
-- KEYS: 1 the round's blind answers
-- ARGV: 1 member id, 2 text, 3 display name, 4 ttl (seconds)
-- Returns 'revealed', 'saved' (first submission) or 'updated'.
if redis.call('HEXISTS', KEYS[1], 'revealed') == 1 then return 'revealed' end
local order = 'o:' .. ARGV[1]
local first = redis.call('HEXISTS', KEYS[1], order) == 0
if first then
  redis.call('HSET', KEYS[1], order, redis.call('HINCRBY', KEYS[1], 'seq', 1))
end
redis.call('HSET', KEYS[1], 't:' .. ARGV[1], ARGV[2], 'n:' .. ARGV[1], ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
if first then return 'saved' end
return 'updated'
