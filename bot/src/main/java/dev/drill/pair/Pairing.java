package dev.drill.pair;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Who meets whom this week: the opted-in members in pairs (and one trio when their number is odd), with no
 * pair that met before, until no such grouping exists any more; then the history starts over with a grouping
 * that repeats as few of the pairs met so far as it can (with five members, one instead of any number). Pure:
 * the caller reads the history and stores the result.
 */
final class Pairing {

    /**
     * How many steps the search may take before it gives up and starts the history over: the search is a
     * backtracking one, fast for teams, and this bounds it for a very large opt-in list.
     */
    static final int SEARCH_BUDGET = 200_000;

    /** How many repeats an exhausted history tries before any grouping will do (each try is one search). */
    static final int MAX_REPEATS = 8;

    private Pairing() {}

    /**
     * This week's groups.
     *
     * @param groups pairs, and at most one trio (when the number of members is odd); empty below two members
     * @param restarted the history was exhausted (no grouping without a repeat) and starts over with these
     * @param met the pairs to remember as met from now on, as {@link #pairKey} strings
     */
    record Plan(List<List<Long>> groups, boolean restarted, List<String> met) {
        Plan {
            groups = groups.stream().map(List::copyOf).toList();
            met = List.copyOf(met);
        }
    }

    /**
     * Groups {@code members} avoiding every pair in {@code met}; {@code seed} varies the order between weeks
     * and guilds while keeping a week's result the same on every run.
     */
    static Plan plan(Collection<Long> members, Set<String> met, long seed) {
        List<Long> order = new ArrayList<>(new java.util.TreeSet<>(members));
        if (order.size() < 2) {
            return new Plan(List.of(), false, List.of());
        }
        java.util.Collections.shuffle(order, new Random(seed));
        List<List<Long>> groups = search(order, met, 0);
        boolean restarted = false;
        // Exhausted: the fewest repeats the search finds within its budget, so a small team does not meet in
        // last week's groups again just because every grouping repeats someone.
        for (int repeats = 1; groups == null && repeats <= MAX_REPEATS; repeats++) {
            groups = search(order, met, repeats);
            restarted = true;
        }
        if (groups == null) {
            groups = search(order, Set.of(), 0);
            restarted = true;
        }
        if (groups == null) { // cannot happen for two members or more, but never leave anyone out silently
            throw new IllegalStateException("no grouping of " + order.size() + " members");
        }
        List<String> newlyMet = new ArrayList<>();
        for (List<Long> group : groups) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    newlyMet.add(pairKey(group.get(i), group.get(j)));
                }
            }
        }
        return new Plan(groups, restarted, newlyMet);
    }

    /** The history's name of a pair: the same whichever member comes first. */
    static String pairKey(long a, long b) {
        return Math.min(a, b) + ":" + Math.max(a, b);
    }

    /** A grouping with at most {@code repeats} pairs of {@code met} in it, or null. */
    private static List<List<Long>> search(List<Long> order, Set<String> met, int repeats) {
        Search search = new Search(order, met);
        return search.run(new HashSet<>(), new ArrayList<>(), order.size() % 2 == 1, repeats) ? search.result : null;
    }

    private static final class Search {
        private final List<Long> order;
        private final Set<String> met;
        private List<List<Long>> result;
        private int steps;

        Search(List<Long> order, Set<String> met) {
            this.order = order;
            this.met = met;
        }

        /**
         * Groups the members not in {@code used}; {@code trioOwed}: one trio is still needed (odd count);
         * {@code repeats}: how many pairs that met before the rest of the grouping may still contain.
         */
        boolean run(Set<Long> used, List<List<Long>> groups, boolean trioOwed, int repeats) {
            if (++steps > SEARCH_BUDGET) {
                return false;
            }
            int first = firstFree(used, 0);
            if (first < 0) {
                if (trioOwed) {
                    return false;
                }
                result = List.copyOf(groups);
                return true;
            }
            long a = order.get(first);
            used.add(a);
            for (int j = first + 1; j < order.size(); j++) {
                long b = order.get(j);
                int withB = repeats - (met(a, b) ? 1 : 0);
                if (used.contains(b) || withB < 0) {
                    continue;
                }
                used.add(b);
                if (trioOwed) {
                    for (int k = j + 1; k < order.size(); k++) {
                        long c = order.get(k);
                        int withC = withB - (met(a, c) ? 1 : 0) - (met(b, c) ? 1 : 0);
                        if (used.contains(c) || withC < 0) {
                            continue;
                        }
                        used.add(c);
                        groups.add(List.of(a, b, c));
                        if (run(used, groups, false, withC)) {
                            return true;
                        }
                        groups.remove(groups.size() - 1);
                        used.remove(c);
                    }
                }
                groups.add(List.of(a, b));
                if (run(used, groups, trioOwed, withB)) {
                    return true;
                }
                groups.remove(groups.size() - 1);
                used.remove(b);
            }
            used.remove(a);
            return false;
        }

        private boolean met(long a, long b) {
            return met.contains(pairKey(a, b));
        }

        private int firstFree(Set<Long> used, int from) {
            for (int i = from; i < order.size(); i++) {
                if (!used.contains(order.get(i))) {
                    return i;
                }
            }
            return -1;
        }
    }
}
