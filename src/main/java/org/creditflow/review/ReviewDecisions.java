package org.creditflow.review;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officers' recorded decisions on an application, for whoever needs to show or check
 * them.
 */
@Service
@Transactional(readOnly = true)
public class ReviewDecisions {

	private final ReviewDecisionRepository decisions;

	ReviewDecisions(ReviewDecisionRepository decisions) {
		this.decisions = decisions;
	}

	public List<ReviewDecision> of(String applicationId) {
		return this.decisions.findAll(applicationId);
	}

}
