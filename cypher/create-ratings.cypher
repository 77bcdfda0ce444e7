// Stores one respondent's ratings in a survey. Rows: {partnerId, workedTogether, the six items (1-4 or null)}; nulls set no property;
// items are sent as JS numbers (floats) and stored as INTEGERs.
UNWIND $ratings AS row
CREATE (r:Rating {surveyId: $surveyId, respondentId: $respondentId, partnerId: row.partnerId, workedTogether: row.workedTogether,
                  submittedAt: $submittedAt})
SET r.reliability = toInteger(row.reliability), r.openness = toInteger(row.openness), r.sharedMission = toInteger(row.sharedMission),
    r.influence = toInteger(row.influence), r.resources = toInteger(row.resources), r.involvement = toInteger(row.involvement)
