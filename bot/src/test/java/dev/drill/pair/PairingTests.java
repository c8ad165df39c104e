package dev.drill.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pairing: pairs and a trio, no repeat until everyone met everyone")
class PairingTests {

    private static List<Long> members(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    private static List<Long> flat(Pairing.Plan plan) {
        return plan.groups().stream().flatMap(List::stream).toList();
    }

    @Test
    @DisplayName("7 members: two pairs and a trio, each member once")
    void sevenMembers() {
        Pairing.Plan plan = Pairing.plan(members(7), Set.of(), 42);

        assertThat(plan.groups()).extracting(List::size).containsExactlyInAnyOrder(2, 2, 3);
        assertThat(flat(plan)).containsExactlyInAnyOrderElementsOf(members(7));
        assertThat(plan.met()).hasSize(1 + 1 + 3);
    }

    @Test
    @DisplayName("5 members: a pair and a trio; 4 members: two pairs; one member: nobody to meet")
    void smallTeams() {
        assertThat(Pairing.plan(members(5), Set.of(), 1).groups())
                .extracting(List::size)
                .containsExactlyInAnyOrder(2, 3);
        assertThat(Pairing.plan(members(4), Set.of(), 1).groups())
                .extracting(List::size)
                .containsExactly(2, 2);
        assertThat(Pairing.plan(members(1), Set.of(), 1).groups()).isEmpty();
        assertThat(Pairing.plan(members(3), Set.of(), 1).groups())
                .singleElement()
                .asList()
                .hasSize(3);
    }

    @Test
    @DisplayName("6 members meet 15 different pairs over 5 weeks, and the history starts over in the 6th")
    void noRepeatUntilExhausted() {
        Set<String> met = new HashSet<>();
        List<String> seen = new ArrayList<>();
        for (int week = 0; week < 5; week++) {
            Pairing.Plan plan = Pairing.plan(members(6), met, week);
            assertThat(plan.restarted()).as("week %d", week).isFalse();
            assertThat(plan.met()).as("week %d repeats no pair", week).noneMatch(met::contains);
            met.addAll(plan.met());
            seen.addAll(plan.met());
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(15);

        Pairing.Plan sixth = Pairing.plan(members(6), met, 5);
        assertThat(sixth.restarted()).isTrue();
        assertThat(flat(sixth)).containsExactlyInAnyOrderElementsOf(members(6));
    }

    @Test
    @DisplayName("7 members: no pair repeats while a grouping without one exists; then the history starts over")
    void oddNoRepeat() {
        Set<String> met = new HashSet<>();
        int weeks = 0;
        while (true) {
            Pairing.Plan plan = Pairing.plan(members(7), met, weeks);
            assertThat(flat(plan)).containsExactlyInAnyOrderElementsOf(members(7));
            if (plan.restarted()) {
                // the new history holds only this week's pairs
                assertThat(plan.met()).hasSize(5);
                break;
            }
            assertThat(plan.met()).noneMatch(met::contains);
            met.addAll(plan.met());
            weeks++;
        }
        assertThat(weeks).as("weeks without a repeat").isGreaterThanOrEqualTo(2);
        assertThat(met).hasSize(5 * weeks);
    }

    @Test
    @DisplayName("5 members: after a pair and a trio no grouping without a repeat exists, so it starts over")
    void fiveMembersStartOver() {
        Pairing.Plan first = Pairing.plan(members(5), Set.of(), 0);
        Pairing.Plan second = Pairing.plan(members(5), new HashSet<>(first.met()), 1);

        // the members outside the trio met no one from it, but three of them cannot all be new to each other
        assertThat(first.restarted()).isFalse();
        assertThat(second.restarted()).isTrue();
        assertThat(flat(second)).containsExactlyInAnyOrderElementsOf(members(5));
    }

    @Test
    @DisplayName("5 members starting over repeat one pair of last week, not last week's groups, whatever the seed")
    void fiveMembersRepeatAsLittleAsPossible() {
        for (long seed = 0; seed < 40; seed++) {
            // GIVEN last week's pair and trio
            Pairing.Plan first = Pairing.plan(members(5), Set.of(), seed);
            Set<String> met = new HashSet<>(first.met());

            // WHEN this week has to start over
            Pairing.Plan second = Pairing.plan(members(5), met, seed + 1000);

            // THEN exactly one pair meets again (a trio of five must hold one), everyone is in a group once
            assertThat(second.restarted()).isTrue();
            assertThat(second.met().stream().filter(met::contains))
                    .as("seed %d: %s after %s", seed, second.groups(), first.groups())
                    .hasSize(1);
            assertThat(flat(second)).containsExactlyInAnyOrderElementsOf(members(5));
        }
    }

    @Test
    @DisplayName("the same members, history and seed give the same groups (a retry after a crash)")
    void deterministic() {
        assertThat(Pairing.plan(members(9), Set.of("1:2"), 7)).isEqualTo(Pairing.plan(members(9), Set.of("1:2"), 7));
    }
}
