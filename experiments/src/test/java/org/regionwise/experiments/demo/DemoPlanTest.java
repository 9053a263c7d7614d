package org.regionwise.experiments.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The demo's epoch count fills its budget and no more. */
class DemoPlanTest {

    @Test
    void epochsFillTheBudget() {
        // 19 steps of 0.25 s = 4.75 s per epoch, 1.5 s per validation, 300 s
        DemoPlan plan = DemoPlan.fit(300, 19, 0.25, 1.5);
        double used = plan.epochs() * 19 * 0.25 + Math.ceil(plan.epochs() / (double) plan.validateEvery()) * 1.5;
        double oneMore = (plan.epochs() + 1) * 19 * 0.25 + Math.ceil((plan.epochs() + 1) / (double) plan.validateEvery()) * 1.5;
        assertTrue(used <= 300 && oneMore > 300, plan + " uses " + used);
        assertTrue(plan.epochs() / plan.validateEvery() >= 8, "about ten validations: " + plan);
    }

    @Test
    void aTinyBudgetStillTrainsAFewEpochsAndAHugeOneIsCapped() {
        assertEquals(DemoPlan.MIN_EPOCHS, DemoPlan.fit(1, 19, 0.25, 1.5).epochs());
        assertEquals(DemoPlan.MAX_EPOCHS, DemoPlan.fit(1e7, 19, 0.25, 1.5).epochs());
    }
}
