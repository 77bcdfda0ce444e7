// Returns every rating of a survey, by respondent, then partner. Absent items are unanswered (null).
MATCH (r:Rating {surveyId: $surveyId})
RETURN r.respondentId AS respondentId, r.partnerId AS partnerId, r.workedTogether AS workedTogether, r.reliability AS reliability,
       r.openness AS openness, r.sharedMission AS sharedMission, r.influence AS influence, r.resources AS resources,
       r.involvement AS involvement, r.submittedAt AS submittedAt
ORDER BY r.respondentId, r.partnerId
