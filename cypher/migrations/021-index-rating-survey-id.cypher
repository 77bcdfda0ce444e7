// Migration 021: range index on Rating.surveyId, for a survey's ratings and a respondent's submission.
CREATE RANGE INDEX rating_survey_id IF NOT EXISTS
FOR (r:Rating) ON (r.surveyId)
