// Deletes one respondent's ratings in a survey and returns them, unordered (a submission replaces them all).
MATCH (r:Rating {surveyId: $surveyId, respondentId: $respondentId})
WITH r, r.respondentId AS respondentId, r.partnerId AS partnerId, r.workedTogether AS workedTogether, r.reliability AS reliability,
     r.openness AS openness, r.sharedMission AS sharedMission, r.influence AS influence, r.resources AS resources,
     r.involvement AS involvement, r.submittedAt AS submittedAt
DELETE r
RETURN respondentId, partnerId, workedTogether, reliability, openness, sharedMission, influence, resources, involvement, submittedAt
