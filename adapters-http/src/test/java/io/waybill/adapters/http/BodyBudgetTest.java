package io.waybill.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    private final BodyBudget budget = new BodyBudget(100);

    @Test
    void sharesTakeFromOneBudgetAndGiveBackWhatTheyTookWhenClosed() {
        BodyShare first = budget.share();
        BodyShare second = budget.share();

        assertThat(first.take(60)).isTrue();
        assertThat(second.take(50)).as("over the budget").isFalse();
        assertThat(second.take(40)).isTrue();
        assertThat(budget.used()).isEqualTo(100);

        first.close();
        assertThat(budget.used()).isEqualTo(40);
        assertThat(second.take(60)).isTrue();
        second.close();
        assertThat(budget.used()).isZero();
    }

    @Test
    void aClosedShareTakesNothingMore() {
        BodyShare share = budget.share();
        share.close();

        assertThat(share.take(1)).isFalse();
        assertThat(budget.used()).isZero();
    }
}
