// Generated from the OpenAPI document (/docs-json) by `npm run api:types`; do not edit.
// test/e2e/openapi.e2e.spec.ts fails when this file differs from what the current document generates.
export interface paths {
  '/api/v1/aid': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The aid ledger: deliveries and commitments, filtered and grouped, with exact totals per currency */
    get: operations['AidLedgerController_aid'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/aid.iati.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** IATI 2.03 activity XML of the aid dated in a period: one iati-activity per partnership with aid in it */
    get: operations['IatiController_period'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Plans still open (signings, consultations, activities) and the due dates of open obligations, by date */
    get: operations['CalendarController_calendar'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The same calendar as iCalendar, for calendar apps: with an API key, or subscribed with ?token= (no header needed) */
    get: operations['CalendarController_ics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/feeds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List calendar subscriptions (yours; an admin sees all), never their tokens */
    get: operations['FeedsController_list'];
    put?: never;
    /** Create a calendar subscription: a read-only token for calendar.ics?token=…, shown only in this response */
    post: operations['FeedsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/feeds/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a calendar subscription; its URL stops working at once */
    delete: operations['FeedsController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every event after a cursor, in global order; wait= long-polls; Accept: text/event-stream streams them
     * @description Gap-safe: an event whose transaction commits late is still delivered after the cursor, never skipped. Follow nextCursor; with wait=N (seconds, at most 30) an empty answer comes only after N seconds without events.
     */
    get: operations['ChangesController_changes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/changes/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every event after a cursor as Server-Sent Events; resumes from Last-Event-ID
     * @description Each message is one event as JSON, its id the cursor after it: an EventSource that reconnects sends it back as Last-Event-ID and continues without gaps or repeats. A comment line every CHANGES_HEARTBEAT_MS keeps proxies from closing the connection.
     */
    get: operations['ChangesController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API keys with their state (never their secrets) */
    get: operations['KeysController_list'];
    put?: never;
    /** Create an API key, optionally expiring; the key itself is shown only in this response */
    post: operations['KeysController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key; it stops working at once */
    delete: operations['KeysController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/keys/{id}/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Issue a new key for the same holder and role; the old key keeps working for the grace period, then stops */
    post: operations['KeysController_rotate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is asking: the API key sent, or the signed-in person */
    get: operations['MeController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in person's subscriptions in the acting organisation */
    get: operations['SubscriptionsController_get'];
    /** Sets the subscriptions (and subscribes again after an unsubscribe) */
    put: operations['SubscriptionsController_put'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/milestone-kinds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The milestone kinds and their forms: fields, vocabularies, examples, who may record them */
    get: operations['MilestoneKindsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/obligations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Obligations of the organisation's funding entries (reports, proof of use, postings), by due date */
    get: operations['ObligationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Organisations: all for the instance operator, else the one the caller acts for */
    get: operations['OrganisationsController_list'];
    put?: never;
    /** Create an organisation (the instance operator's admins only) */
    post: operations['OrganisationsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One organisation with its settings */
    get: operations['OrganisationsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change an organisation's name, languages or settings (OParl body, IATI reporting-org, OpenID issuer) */
    patch: operations['OrganisationsController_update'];
    trace?: never;
  };
  '/api/v1/organisations/{slug}/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Invite a partner organisation to a partnership this organisation owns (one-time, expiring token) */
    post: operations['OrganisationsController_invite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations/{slug}/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept an invitation as the partner organisation's admin: its members then read and record their side */
    post: operations['OrganisationsController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations/{slug}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An organisation's members and their roles */
    get: operations['OrganisationsController_members'];
    put?: never;
    /** Add a member (or change their roles): by issuer and subject, or by e-mail */
    post: operations['OrganisationsController_addMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations/{slug}/partnerships/{partnershipId}/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Unlink the partner organisation: its access ends now; its entries stay in the log (either side's admin) */
    delete: operations['OrganisationsController_unlink'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Partnerships with filters and cursor paging */
    get: operations['StatusController_list'];
    put?: never;
    /** Initiate a partnership (the council mandate or the first contact) */
    post: operations['MilestonesController_initiate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Current status, or as it was on a business date (validAt) / as known at a record time (knownAt) */
    get: operations['StatusController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record an activity: exchange, delegation visit, summer camp, workshop (or plan one) */
    post: operations['MilestonesController_recordActivity'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/agreements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a signed agreement (above contact it needs an adopted council decision or an urgent-decision reference) */
    post: operations['MilestonesController_recordAgreement'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/aid-commitments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record aid pledged */
    post: operations['MilestonesController_recordAidCommitment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/aid-deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record aid delivered (the receiver may differ from the counterpart) */
    post: operations['MilestonesController_recordAidDelivery'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/aid-receipt-confirmations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the receipt of a delivery: the day it arrived, all or part (with the discrepancies), a document reference */
    post: operations['MilestonesController_confirmAidReceipt'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/aid.iati.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** IATI 2.03 activity XML of one partnership's aid: one iati-activity, one transaction per aid entry */
    get: operations['IatiController_partnership'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/areas': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a cooperation area */
    post: operations['MilestonesController_addArea'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/areas/remove': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Remove a cooperation area */
    post: operations['MilestonesController_removeArea'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/board-reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a review by the administrative board (or plan one) */
    post: operations['MilestonesController_recordBoardReview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/committee-decisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a committee's decision (or plan the meeting) */
    post: operations['MilestonesController_recordCommitteeDecision'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/committee-referrals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a referral to a committee */
    post: operations['MilestonesController_referToCommittee'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/council-decisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the council's decision (or plan the session) */
    post: operations['MilestonesController_recordCouncilDecision'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/counterpart': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Designate the counterpart municipality */
    post: operations['MilestonesController_designateCounterpart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/counterpart-renames': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a change of the counterpart's name */
    post: operations['MilestonesController_renameCounterpart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Attach a document (its description and checksum; the file lives elsewhere) */
    post: operations['MilestonesController_attachDocument'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/draft-resolutions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a draft resolution (a paper is drafted once) */
    post: operations['MilestonesController_prepareDraftResolution'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/entries/{eventId}/corrections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Correct fields of an earlier entry (the old values stay visible) */
    post: operations['MilestonesController_correct'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/entries/{eventId}/retractions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retract an earlier entry (it stays in the history, marked as retracted) */
    post: operations['MilestonesController_retract'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/entries/{eventId}/visibility': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make an entry public or internal on the organisation's public pages (recorded as a correction, with the reason) */
    post: operations['MilestonesController_visibility'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The raw audit trail: every event with its metadata, record time and hash */
    get: operations['TimelineController_events'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/funding': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record funding received from a programme, foundation or donor */
    post: operations['MilestonesController_recordFunding'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/map': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The places of a partnership with coordinates (chosen, or suggested by the gazetteer) and aid per place; ?year= */
    get: operations['PlacesController_mapData'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/map.svg': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The map of a partnership as SVG (the same renderer as the public page); ?year=&lang= */
    get: operations['PlacesController_mapSvg'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a note */
    post: operations['MilestonesController_addNote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/obligations/extensions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record that a funder moved an obligation's due date */
    post: operations['MilestonesController_extendObligation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/obligations/fulfilments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record that a funding entry's obligation (a report, proof of use, a posting) was fulfilled */
    post: operations['MilestonesController_recordObligationFulfilled'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/obligations/waivers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record that a funder waived an obligation */
    post: operations['MilestonesController_waiveObligation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/participants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a participant joining */
    post: operations['MilestonesController_addParticipant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/participants/leave': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a participant leaving */
    post: operations['MilestonesController_removeParticipant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/resumption': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resume a suspended partnership */
    post: operations['MilestonesController_resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/signing-schedules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Schedule the signing of an agreement (the date may lie ahead) */
    post: operations['MilestonesController_scheduleSigning'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/suspension': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Suspend the partnership */
    post: operations['MilestonesController_suspend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/termination': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Terminate the partnership (afterwards only corrections and retractions) */
    post: operations['MilestonesController_terminate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partnerships/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Milestones ordered by when they happened, a page at a time; corrections and retractions visible */
    get: operations['TimelineController_timeline'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/erasures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The erasure log of the organisation: who erased which subject, when and why (no personal data) */
    get: operations['PeopleController_list'];
    put?: never;
    /** Erase a person: delete their data key, log who erased whom and why, rebuild the read models, re-render stored reports */
    post: operations['PeopleController_erase'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/places/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Confirm or override a place's coordinates: { geonameId } (a gazetteer suggestion) or { lon, lat } */
    put: operations['PlacesController_choose'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Each projection: active version, checkpoint, lag, and rebuild progress */
    get: operations['ProjectionsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projections/{name}/rebuild': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rebuild a projection from position zero beside the live one, then switch (a BullMQ job) */
    post: operations['ProjectionsController_rebuild'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/public-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organisation's public pages: on or off, and the milestone kinds public by default */
    get: operations['PlacesController_settings'];
    /** Set the organisation's publication policy: { enabled, defaultPublicKinds: ["AidDelivered", …] } */
    put: operations['PlacesController_setSettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reports, newest first; filter by type and status */
    get: operations['ReportsController_list'];
    put?: never;
    /** Request a report; a worker produces it. Poll the Location, then download. */
    post: operations['ReportsController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A report: status, progress, error, files */
    get: operations['ReportsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{id}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a completed report; format defaults to the type's first format */
    get: operations['ReportsController_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/unsubscribe': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The page behind a mail's unsubscribe link: one button, so link scanners unsubscribe nobody */
    get: operations['SubscriptionsController_page'];
    put?: never;
    /** One-click unsubscribe (RFC 8058): ends all mail to the person the token names; no sign-in */
    post: operations['SubscriptionsController_oneClick'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organisation's endpoints (without secrets) */
    get: operations['WebhooksController_list'];
    put?: never;
    /** Registers an endpoint; the answer carries its signing secret, shown this once */
    post: operations['WebhooksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WebhooksController_get'];
    put?: never;
    post?: never;
    /** Deletes an endpoint with its deliveries */
    delete: operations['WebhooksController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An endpoint's deliveries, newest first; state=dead lists the dead letters */
    get: operations['WebhooksController_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}/deliveries/{deliveryId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One delivery with every attempt (outcome, status code, duration) */
    get: operations['WebhooksController_delivery'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Puts a dead delivery back in line now, with a fresh retry schedule and the same webhook-id */
    post: operations['WebhooksController_redeliver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enables an endpoint that was disabled after failing for days */
    post: operations['WebhooksController_enable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A new secret (shown once); the previous one keeps signing for 24 hours */
    post: operations['WebhooksController_rotate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: 200 when every dependency is up, 503 otherwise; up/down only */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready/details': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness with details for administrators (admin key); same status codes */
    get: operations['HealthController_readyDetails'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oparl/v1.1': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** OParl 1.1 entry point: the System object */
    get: operations['OParlController_root'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oparl/v1.1/{type}/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One object (organization, meeting, agendaitem, paper, consultation); deleted ones carry deleted: true */
    get: operations['OParlController_object'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oparl/v1.1/body': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The list of bodies: the one Body of the municipality */
    get: operations['OParlController_bodies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oparl/v1.1/body/{body}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The Body: the municipality, with links to its lists */
    get: operations['OParlController_body'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oparl/v1.1/body/{body}/{list}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One page of a Body's list (organization, meeting, paper, agendaitem, consultation; the others are empty) */
    get: operations['OParlController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oparl/v1.1/system': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The OParl System */
    get: operations['OParlController_system'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @description The token the owning organisation handed over.
     * @example {
     *       "token": "pli_4f9c2d7e1a6b3c8d5e0f7a2b9c4d1e6f"
     *     }
     */
    AcceptInvitation: {
      /** @example pli_4f9c2d7e1a6b3c8d5e0f7a2b9c4d1e6f */
      token: string;
    };
    /**
     * @example {
     *       "occurredOn": "2023-07-24",
     *       "endsOn": "2023-08-04",
     *       "title": "Summer camp in Dortmund for children from Zhytomyr",
     *       "activityKind": "summer_camp",
     *       "place": "Dortmund",
     *       "participantCount": 40
     *     }
     */
    ActivityDto: {
      /** @description free text, e.g. "summer_camp", "delegation_visit", "workshop" */
      activityKind?: string;
      /** @description a person to contact about it (personal data: erasable on request) */
      contactPerson?: string;
      /** @description the last day */
      endsOn?: components['schemas']['BusinessDateInput'];
      /** @description for a plan: the day it was made (default: the day it is recorded, or the planned day if that is earlier) */
      madeOn?: components['schemas']['BusinessDateInput'];
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      participantCount?: number;
      /** @description names of the people who took part (personal data: erasable on request) */
      participants?: string[];
      place?: string;
      /** @description a meeting or activity in the calendar, not yet held */
      planned?: boolean;
      source?: components['schemas']['Source'];
      title: string;
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description A member by identity at the IdP (issuer and subject), or by e-mail (matched at their next sign-in).
     * @example {
     *       "email": "office@zhytomyr.example",
     *       "roles": [
     *         "office"
     *       ]
     *     }
     */
    AddMember: {
      /** @example office@zhytomyr.example */
      email?: string;
      /** @example https://login.example/realms/city */
      issuer?: string;
      /**
       * @example [
       *       "office"
       *     ]
       */
      roles: ('office' | 'council' | 'reporting' | 'admin')[];
      /** @example f3b1c2d4 */
      subject?: string;
    };
    /**
     * @description A signed agreement.
     * @example {
     *       "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "kind": "solidarity",
     *       "signedOn": {
     *         "date": "2023-02-23",
     *         "precision": "day"
     *       },
     *       "tier": "solidarity",
     *       "mode": "online",
     *       "plannedFor": {
     *         "date": "2023-02-09",
     *         "precision": "day"
     *       }
     *     }
     */
    Agreement: {
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      eventId: string;
      /**
       * @description the agreement kind
       * @example solidarity
       */
      kind: string;
      /** @example online */
      mode?: string;
      /** @description the date the signing had been planned for */
      plannedFor?: components['schemas']['BusinessDate'];
      signedOn: components['schemas']['BusinessDate'];
      /**
       * @example solidarity
       * @enum {string}
       */
      tier: 'initiative' | 'contact' | 'solidarity' | 'friendship' | 'project_partnership' | 'twinning';
      /** @example Dortmund City Hall */
      venue?: string;
    };
    /**
     * @example {
     *       "occurredOn": "2023-02-23",
     *       "agreementKind": "solidarity",
     *       "mode": "online",
     *       "signatories": [
     *         {
     *           "name": "Lord Mayor of Dortmund",
     *           "side": "own"
     *         },
     *         {
     *           "name": "Mayor of Zhytomyr",
     *           "side": "counterpart"
     *         }
     *       ]
     *     }
     */
    AgreementDto: {
      /** @enum {string} */
      agreementKind: 'letter_of_intent' | 'solidarity' | 'cooperation' | 'project' | 'twinning_charter';
      /** @enum {string} */
      mode?: 'in_person' | 'online' | 'council_session';
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      signatories?: components['schemas']['Signatory'][];
      source?: components['schemas']['Source'];
      /** @description lets a signing above contact go ahead before the council decision is recorded */
      urgentDecisionReference?: string;
      venue?: string;
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @example {
     *       "occurredOn": "2023-03",
     *       "receiver": {
     *         "de": "Schytomyr",
     *         "uk": "Житомир",
     *         "en": "Zhytomyr"
     *       },
     *       "value": {
     *         "amount": "50000.00",
     *         "currency": "EUR"
     *       },
     *       "modality": "in_kind",
     *       "items": [
     *         "fire engine"
     *       ],
     *       "expectedBy": "2023-06"
     *     }
     */
    AidCommitmentDto: {
      /** @description when the pledged aid is expected */
      expectedBy?: components['schemas']['BusinessDateInput'];
      fundingChannel?: string;
      items?: string[];
      /** @enum {string} */
      modality: 'cash' | 'in_kind' | 'services';
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      /** @description may differ from the counterpart (Dortmund’s 2022 aid went to Vinnytsia and Mykolaiv) */
      receiver: components['schemas']['LocalizedNameInput'];
      sector?: string;
      source?: components['schemas']['Source'];
      value?: components['schemas']['Money'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @example {
     *       "occurredOn": "2022-05",
     *       "receiver": {
     *         "de": "Winnyzja",
     *         "uk": "Вінниця",
     *         "en": "Vinnytsia"
     *       },
     *       "value": {
     *         "amount": "125000.00",
     *         "currency": "EUR"
     *       },
     *       "modality": "in_kind",
     *       "items": [
     *         "generators"
     *       ],
     *       "sector": "energy"
     *     }
     */
    AidDeliveryDto: {
      fundingChannel?: string;
      items?: string[];
      /** @enum {string} */
      modality: 'cash' | 'in_kind' | 'services';
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      /** @description may differ from the counterpart (Dortmund’s 2022 aid went to Vinnytsia and Mykolaiv) */
      receiver: components['schemas']['LocalizedNameInput'];
      sector?: string;
      source?: components['schemas']['Source'];
      value?: components['schemas']['Money'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description One delivery or commitment.
     * @example {
     *       "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "partnershipId": "dortmund-zhytomyr",
     *       "kind": "delivered",
     *       "receiver": {
     *         "de": "Winnyzja",
     *         "uk": "Вінниця",
     *         "en": "Vinnytsia"
     *       },
     *       "receiverKey": "Vinnytsia",
     *       "occurredOn": {
     *         "date": "2022-05",
     *         "precision": "month"
     *       },
     *       "month": "2022-05",
     *       "amount": "125000.00",
     *       "currency": "EUR",
     *       "modality": "in_kind",
     *       "sector": "energy",
     *       "fundingChannel": null,
     *       "items": [
     *         "generators"
     *       ],
     *       "retracted": false,
     *       "receipt": {
     *         "status": "partly_confirmed",
     *         "receivedOn": {
     *           "date": "2022-05-20",
     *           "precision": "day"
     *         },
     *         "confirmations": [
     *           {
     *             "eventId": "0195a1c2-7d3e-7f10-8a2b-1c2d3e4f5a6b",
     *             "receivedOn": {
     *               "date": "2022-05-20",
     *               "precision": "day"
     *             },
     *             "received": "part",
     *             "discrepancies": "Two of the twelve generators arrived damaged."
     *           }
     *         ]
     *       }
     *     }
     */
    AidEntry: {
      /**
       * @description exact decimal string; null when not valued
       * @example 125000.00
       */
      amount: string | null;
      /**
       * @description ISO 4217
       * @example EUR
       */
      currency: string | null;
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      eventId: string;
      /** @example null */
      fundingChannel: string | null;
      /**
       * @example [
       *       "generators"
       *     ]
       */
      items: string[];
      /**
       * @example delivered
       * @enum {string}
       */
      kind: 'delivered' | 'committed';
      /**
       * @example in_kind
       * @enum {string}
       */
      modality: 'cash' | 'in_kind' | 'services';
      /**
       * @description YYYY-MM, or null when only the year is known
       * @example 2022-05
       */
      month: string | null;
      occurredOn: components['schemas']['BusinessDate'];
      /** @example dortmund-zhytomyr */
      partnershipId: string;
      /** @description a delivery's receipt as its receiver confirmed it; null for a pledge */
      receipt: components['schemas']['Receipt'] | null;
      receiver: components['schemas']['LocalizedName'];
      /**
       * @description a display key for grouping: the en, else de, else uk name
       * @example Vinnytsia
       */
      receiverKey: string;
      /** @example false */
      retracted: boolean;
      /** @example energy */
      sector: string | null;
    };
    /**
     * @description The rows of one receiver, month, currency or sector, with their totals.
     * @example {
     *       "key": "Vinnytsia",
     *       "count": 2,
     *       "totals": {
     *         "EUR": "250000.00"
     *       }
     *     }
     */
    AidGroup: {
      /** @example 2 */
      count: number;
      /**
       * @description null: rows without a value for the grouping
       * @example Vinnytsia
       */
      key: string | null;
      totals: components['schemas']['AmountsByCurrency'];
    };
    /**
     * @description The filters the answer was computed for.
     * @example {
     *       "from": "2022-01-01",
     *       "to": "2022-12-31",
     *       "kind": "delivered",
     *       "groupBy": "receiver"
     *     }
     */
    AidQuery: {
      /** @example EUR */
      currency?: string;
      /**
       * @description inclusive business date YYYY-MM-DD
       * @example 2022-01-01
       */
      from?: string;
      /**
       * @example receiver
       * @enum {string}
       */
      groupBy?: 'receiver' | 'month' | 'currency' | 'sector';
      /**
       * @example delivered
       * @enum {string}
       */
      kind?: 'delivered' | 'committed';
      /** @example dortmund-zhytomyr */
      partnershipId?: string;
      /** @example Vinnytsia */
      receiver?: string;
      /** @example energy */
      sector?: string;
      /**
       * @description inclusive business date YYYY-MM-DD
       * @example 2022-12-31
       */
      to?: string;
    };
    /**
     * @example {
     *       "occurredOn": "2022-05-20",
     *       "deliveryId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "received": "part",
     *       "discrepancies": "Two of the twelve generators arrived damaged.",
     *       "documentReference": "Acceptance certificate 17/2022"
     *     }
     */
    AidReceiptConfirmationDto: {
      /**
       * Format: uuid
       * @description the AidDelivered entry whose receipt is confirmed
       */
      deliveryId: string;
      /** @description what did not arrive or arrived damaged; required when only part arrived */
      discrepancies?: string;
      /** @description e.g. the number of the signed acceptance certificate or delivery note */
      documentReference?: string;
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description the day the aid was received: YYYY, YYYY-MM or YYYY-MM-DD */
      occurredOn: components['schemas']['BusinessDateInput'];
      /**
       * @description all of it, or only part (then say what is missing)
       * @enum {string}
       */
      received: 'all' | 'part';
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description Every matching row that is not retracted (oldest first), with exact totals per currency and, with groupBy, the groups.
     * @example {
     *       "query": {
     *         "groupBy": "receiver"
     *       },
     *       "items": [
     *         {
     *           "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "partnershipId": "dortmund-zhytomyr",
     *           "kind": "delivered",
     *           "receiver": {
     *             "de": "Winnyzja",
     *             "uk": "Вінниця",
     *             "en": "Vinnytsia"
     *           },
     *           "receiverKey": "Vinnytsia",
     *           "occurredOn": {
     *             "date": "2022-05",
     *             "precision": "month"
     *           },
     *           "month": "2022-05",
     *           "amount": "125000.00",
     *           "currency": "EUR",
     *           "modality": "in_kind",
     *           "sector": "energy",
     *           "fundingChannel": null,
     *           "items": [
     *             "generators"
     *           ],
     *           "retracted": false,
     *           "receipt": {
     *             "status": "partly_confirmed",
     *             "receivedOn": {
     *               "date": "2022-05-20",
     *               "precision": "day"
     *             },
     *             "confirmations": [
     *               {
     *                 "eventId": "0195a1c2-7d3e-7f10-8a2b-1c2d3e4f5a6b",
     *                 "receivedOn": {
     *                   "date": "2022-05-20",
     *                   "precision": "day"
     *                 },
     *                 "received": "part",
     *                 "discrepancies": "Two of the twelve generators arrived damaged."
     *               }
     *             ]
     *           }
     *         }
     *       ],
     *       "totals": {
     *         "EUR": "125000.00"
     *       },
     *       "groups": [
     *         {
     *           "key": "Vinnytsia",
     *           "count": 2,
     *           "totals": {
     *             "EUR": "250000.00"
     *           }
     *         }
     *       ]
     *     }
     */
    AidResult: {
      /** @description only with groupBy */
      groups?: components['schemas']['AidGroup'][];
      items: components['schemas']['AidEntry'][];
      query: components['schemas']['AidQuery'];
      totals: components['schemas']['AmountsByCurrency'];
    };
    /**
     * @description ISO 4217 currency code → exact decimal amount as a string (never a float).
     * @example {
     *       "EUR": "125000.00",
     *       "UAH": "400000.00"
     *     }
     */
    AmountsByCurrency: {
      [key: string]: string;
    };
    /**
     * @description An API key and its state; never its secret.
     * @example {
     *       "id": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "name": "Office for International Relations",
     *       "role": "office",
     *       "state": "active",
     *       "createdAt": "2025-01-31T09:00:00.000Z",
     *       "lastUsedAt": "2025-02-03T14:12:00.000Z",
     *       "expiresAt": "2025-05-01T09:00:00.000Z",
     *       "revokedAt": null,
     *       "rotatedAt": null,
     *       "replacedBy": null,
     *       "organisation": "dortmund"
     *     }
     */
    ApiKey: {
      /**
       * Format: date-time
       * @example 2025-01-31T09:00:00.000Z
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description when it stops working
       * @example 2025-05-01T09:00:00.000Z
       */
      expiresAt: string | null;
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      id: string;
      /**
       * Format: date-time
       * @example 2025-02-03T14:12:00.000Z
       */
      lastUsedAt: string | null;
      /**
       * @description who holds it; recorded as the actor of every event it writes
       * @example Office for International Relations
       */
      name: string;
      /**
       * @description the slug of the one organisation the key acts for
       * @example dortmund
       */
      organisation: string;
      /**
       * Format: uuid
       * @description the key that replaced it by rotation
       * @example null
       */
      replacedBy: string | null;
      /**
       * Format: date-time
       * @example null
       */
      revokedAt: string | null;
      /**
       * @example office
       * @enum {string}
       */
      role: 'office' | 'council' | 'reporting' | 'admin';
      /**
       * Format: date-time
       * @example null
       */
      rotatedAt: string | null;
      /**
       * @example active
       * @enum {string}
       */
      state: 'active' | 'rotating' | 'rotated' | 'expired' | 'revoked';
    };
    /**
     * @example {
     *       "keys": [
     *         {
     *           "id": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "name": "Office for International Relations",
     *           "role": "office",
     *           "state": "active",
     *           "createdAt": "2025-01-31T09:00:00.000Z",
     *           "lastUsedAt": "2025-02-03T14:12:00.000Z",
     *           "expiresAt": "2025-05-01T09:00:00.000Z",
     *           "revokedAt": null,
     *           "rotatedAt": null,
     *           "replacedBy": null,
     *           "organisation": "dortmund"
     *         }
     *       ]
     *     }
     */
    ApiKeyList: {
      keys: components['schemas']['ApiKey'][];
    };
    /**
     * @example {
     *       "occurredOn": "2023-02-23",
     *       "area": "digitalisation"
     *     }
     */
    AreaDto: {
      /** @description free text, e.g. "digitalisation"; compared case- and space-insensitively */
      area: string;
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @example {
     *       "occurredOn": "2024-01",
     *       "area": "mobility",
     *       "reason": "No project partner found"
     *     }
     */
    AreaRemovalDto: {
      area: string;
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      reason?: string;
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description Set when the answer was folded as of a business date (validAt) and/or a record time (knownAt).
     * @example {
     *       "validAt": "2023-01-15",
     *       "knownAt": null
     *     }
     */
    AsOf: {
      /**
       * Format: date-time
       * @description record time
       * @example null
       */
      knownAt: string | null;
      /**
       * @description business date YYYY-MM-DD
       * @example 2023-01-15
       */
      validAt: string | null;
    };
    /**
     * @example {
     *       "occurredOn": "2023-01-10",
     *       "paperReference": "DS 2022-0001",
     *       "body": "Verwaltungsvorstand",
     *       "outcome": "approved"
     *     }
     */
    BoardReviewDto: {
      body: string;
      /** @description for a plan: the day it was made (default: the day it is recorded, or the planned day if that is earlier) */
      madeOn?: components['schemas']['BusinessDateInput'];
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      /**
       * @description required unless planned
       * @enum {string}
       */
      outcome?: 'approved' | 'amended' | 'deferred' | 'rejected';
      paperReference?: string;
      /** @description a meeting or activity in the calendar, not yet held */
      planned?: boolean;
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description When something happened in the world, as precisely as it is known: `date` is YYYY, YYYY-MM or YYYY-MM-DD, matching `precision`.
     * @example {
     *       "date": "2023-02",
     *       "precision": "month"
     *     }
     */
    BusinessDate: {
      /** @example 2023-02 */
      date: string;
      /**
       * @example month
       * @enum {string}
       */
      precision: 'year' | 'month' | 'day';
    };
    /**
     * @description A business date in a request: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known; it must exist (no 2023-02-30).
     * @example 2023-02-23
     */
    BusinessDateInput: string;
    /**
     * @description A calendar subscription and its state; never its token.
     * @example {
     *       "id": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "name": "Office calendar (Outlook)",
     *       "scope": "calendar",
     *       "partnershipId": "dortmund-zhytomyr",
     *       "createdByKey": "01956f0e-0000-7c3e-9f2d-3a4b5c6d7e8f",
     *       "state": "active",
     *       "createdAt": "2025-01-31T09:00:00.000Z",
     *       "lastUsedAt": "2025-02-03T14:12:00.000Z",
     *       "revokedAt": null
     *     }
     */
    CalendarFeed: {
      /**
       * Format: date-time
       * @example 2025-01-31T09:00:00.000Z
       */
      createdAt: string;
      /**
       * Format: uuid
       * @description the API key that created it; null: created with npm run feeds:create
       * @example 01956f0e-0000-7c3e-9f2d-3a4b5c6d7e8f
       */
      createdByKey: string | null;
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      id: string;
      /**
       * Format: date-time
       * @description updated at most once a minute
       * @example 2025-02-03T14:12:00.000Z
       */
      lastUsedAt: string | null;
      /**
       * @description who or what subscribes
       * @example Office calendar (Outlook)
       */
      name: string;
      /**
       * @description null: the plans of all partnerships
       * @example dortmund-zhytomyr
       */
      partnershipId: string | null;
      /**
       * Format: date-time
       * @example null
       */
      revokedAt: string | null;
      /**
       * @description what the token opens: the iCalendar feed only
       * @example calendar
       * @enum {string}
       */
      scope: 'calendar';
      /**
       * @example active
       * @enum {string}
       */
      state: 'active' | 'revoked';
    };
    /**
     * @example {
     *       "feeds": [
     *         {
     *           "id": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "name": "Office calendar (Outlook)",
     *           "scope": "calendar",
     *           "partnershipId": "dortmund-zhytomyr",
     *           "createdByKey": "01956f0e-0000-7c3e-9f2d-3a4b5c6d7e8f",
     *           "state": "active",
     *           "createdAt": "2025-01-31T09:00:00.000Z",
     *           "lastUsedAt": "2025-02-03T14:12:00.000Z",
     *           "revokedAt": null
     *         }
     *       ]
     *     }
     */
    CalendarFeedList: {
      feeds: components['schemas']['CalendarFeed'][];
    };
    /**
     * @description A planned signing, consultation or activity.
     * @example {
     *       "uid": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "partnershipId": "dortmund-zhytomyr",
     *       "kind": "AgreementSigningScheduled",
     *       "title": "Signing (solidarity) — Dortmund City Hall",
     *       "date": {
     *         "date": "2023-02-09",
     *         "precision": "day"
     *       },
     *       "madeOn": {
     *         "date": "2023-01-20",
     *         "precision": "day"
     *       },
     *       "sequence": 1,
     *       "status": "open",
     *       "changedAt": "2023-01-25T14:00:00.000Z",
     *       "mode": "council_session",
     *       "venue": "Dortmund City Hall"
     *     }
     */
    CalendarItem: {
      /**
       * Format: date-time
       * @example 2023-01-25T14:00:00.000Z
       */
      changedAt: string | null;
      /** @description the planned date */
      date: components['schemas']['BusinessDate'];
      /**
       * Format: uuid
       * @description the current plan entry
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      eventId: string;
      /**
       * @description the event type
       * @example AgreementSigningScheduled
       */
      kind: string;
      /** @description when the plan was made */
      madeOn: components['schemas']['BusinessDate'];
      /** @example council_session */
      mode?: string;
      /** @example dortmund-zhytomyr */
      partnershipId: string;
      /**
       * @description grows with each reschedule, correction or cancellation
       * @example 1
       */
      sequence: number;
      /**
       * @example open
       * @enum {string}
       */
      status: 'open' | 'cancelled';
      /** @example Signing (solidarity) — Dortmund City Hall */
      title: string;
      /**
       * Format: uuid
       * @description stable through reschedules: the identity calendar apps keep
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      uid: string;
      /** @example Dortmund City Hall */
      venue?: string;
    };
    /**
     * @description Events of every partnership in the global order, after the cursor given. Pass nextCursor as `after` to read on; an empty page keeps the cursor it was asked with.
     * @example {
     *       "events": [
     *         {
     *           "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "streamId": "dortmund-zhytomyr",
     *           "streamVersion": 4,
     *           "globalPosition": 17,
     *           "transactionId": "7431",
     *           "type": "AidDelivered",
     *           "schemaVersion": 1,
     *           "data": {
     *             "occurredOn": {
     *               "date": "2022-05",
     *               "precision": "month"
     *             },
     *             "receiver": {
     *               "de": "Winnyzja",
     *               "uk": "Вінниця",
     *               "en": "Vinnytsia"
     *             },
     *             "value": {
     *               "amount": "125000.00",
     *               "currency": "EUR"
     *             },
     *             "modality": "in_kind",
     *             "items": [
     *               "generators"
     *             ],
     *             "sector": "energy"
     *           },
     *           "metadata": {
     *             "actor": "Office for International Relations",
     *             "role": "office",
     *             "keyId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *             "requestId": "0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10",
     *             "correlationId": "0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10",
     *             "causationId": "0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10",
     *             "source": "api"
     *           },
     *           "occurredAt": "2022-05-01T00:00:00.000Z",
     *           "recordedAt": "2022-06-01T08:00:00.000Z",
     *           "prevHash": "c0a7f3…",
     *           "hash": "5be2d1…"
     *         }
     *       ],
     *       "nextCursor": "eyJ0IjoiNzQzMSIsInAiOjE3fQ.Xq3vQ0l9m2tWc8kYb1R4aA",
     *       "more": false
     *     }
     */
    ChangePage: {
      /** @description as /api/v1/partnerships/{id}/events shows them */
      events: components['schemas']['StoredEvent'][];
      /**
       * @description more events were ready than this page holds: read on at once
       * @example false
       */
      more: boolean;
      /**
       * @description opaque and signed: where the next read starts; never null
       * @example eyJ0IjoiNzQzMSIsInAiOjE3fQ.Xq3vQ0l9m2tWc8kYb1R4aA
       */
      nextCursor: string;
    };
    /**
     * @description A position in the gap-safe global order of events.
     * @example {
     *       "transactionId": "7431",
     *       "position": 17
     *     }
     */
    Checkpoint: {
      /** @example 17 */
      position: number;
      /** @example 7431 */
      transactionId: string;
    };
    /**
     * @description What a milestone command recorded. ETag carries the same version.
     * @example {
     *       "partnershipId": "dortmund-zhytomyr",
     *       "version": 4,
     *       "events": [
     *         {
     *           "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "type": "AidDelivered",
     *           "streamVersion": 4
     *         }
     *       ]
     *     }
     */
    CommandResult: {
      /** @description empty when the command changed nothing */
      events: components['schemas']['RecordedEntry'][];
      /** @example dortmund-zhytomyr */
      partnershipId: string;
      /**
       * @description the partnership version after this command; also the ETag
       * @example 4
       */
      version: number;
    };
    /**
     * @example {
     *       "occurredOn": "2023-02-02",
     *       "paperReference": "DS 2022-0001",
     *       "committee": "Committee for Citizens Services",
     *       "outcome": "recommended"
     *     }
     */
    CommitteeDecisionDto: {
      committee: string;
      /** @description for a plan: the day it was made (default: the day it is recorded, or the planned day if that is earlier) */
      madeOn?: components['schemas']['BusinessDateInput'];
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      /**
       * @description required unless planned
       * @enum {string}
       */
      outcome?: 'recommended' | 'adopted' | 'adopted_with_amendments' | 'rejected' | 'deferred' | 'referred_back' | 'withdrawn';
      paperReference?: string;
      /** @description a meeting or activity in the calendar, not yet held */
      planned?: boolean;
      resolutionReference?: string;
      resolutionText?: string;
      source?: components['schemas']['Source'];
      tally?: components['schemas']['Tally'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @example {
     *       "occurredOn": "2023-01-10",
     *       "paperReference": "DS 2022-0001",
     *       "committee": "Committee for Citizens Services"
     *     }
     */
    CommitteeReferralDto: {
      committee: string;
      /** @description for a plan: the day it was made (default: the day it is recorded, or the planned day if that is earlier) */
      madeOn?: components['schemas']['BusinessDateInput'];
      /** @description the committee’s meeting; may lie in the future */
      meetingDate?: components['schemas']['BusinessDateInput'];
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      paperReference?: string;
      /** @description a meeting or activity in the calendar, not yet held */
      planned?: boolean;
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description A later entry that the change would make impossible, and why.
     * @example {
     *       "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "type": "AidDelivered",
     *       "occurredOn": {
     *         "date": "2024-03",
     *         "precision": "month"
     *       },
     *       "reason": "aid cannot be delivered while the partnership is suspended",
     *       "needed": "record the resumption before 2024-03, or date the suspension after it"
     *     }
     */
    ConflictingEntry: {
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      eventId: string;
      /**
       * @description what would make it possible again
       * @example record the resumption before 2024-03, or date the suspension after it
       */
      needed?: string;
      occurredOn: components['schemas']['BusinessDate'] | null;
      /** @example aid cannot be delivered while the partnership is suspended */
      reason: string;
      /** @example AidDelivered */
      type: string;
    };
    /**
     * @description A 409 from a command, with what explains it: `state` and `needed` for transition_not_allowed, `conflicts` for contradicts_later_entries, `currentVersion` for concurrency_conflict, `partnershipId` for partnership_exists.
     * @example {
     *       "type": "urn:partnership-ledger:problem:contradicts-later-entries",
     *       "title": "Conflict",
     *       "status": 409,
     *       "detail": "Recording PartnershipSuspended on 2024-02 would contradict an entry recorded after its date — AidDelivered 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f (2024-03): aid cannot be delivered while the partnership is suspended. Correct or retract it first.",
     *       "code": "contradicts_later_entries",
     *       "instance": "/api/v1/partnerships/dortmund-zhytomyr/suspension",
     *       "conflicts": [
     *         {
     *           "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "type": "AidDelivered",
     *           "occurredOn": {
     *             "date": "2024-03",
     *             "precision": "month"
     *           },
     *           "reason": "aid cannot be delivered while the partnership is suspended",
     *           "needed": "record the resumption before 2024-03, or date the suspension after it"
     *         }
     *       ]
     *     }
     */
    ConflictProblem: {
      /**
       * @description stable machine-readable code
       * @example validation_failed
       */
      code: string;
      /** @description contradicts_later_entries: the later entries */
      conflicts?: components['schemas']['ConflictingEntry'][];
      /**
       * @description concurrency_conflict: the version the partnership is at now
       * @example 5
       */
      currentVersion?: number;
      /**
       * @description what went wrong and what to do, for people
       * @example The request has 1 invalid field: value.amount must have at most 2 decimals for EUR.
       */
      detail: string;
      /** @description one entry per invalid field */
      errors?: components['schemas']['FieldError'][];
      /**
       * @description the request path
       * @example /api/v1/partnerships/dortmund-zhytomyr/aid-deliveries
       */
      instance?: string;
      /**
       * @description transition_not_allowed: what the command needs first
       * @example an adopted council decision
       */
      needed?: string;
      /**
       * @description partnership_exists: the id that is taken
       * @example dortmund-zhytomyr
       */
      partnershipId?: string;
      /**
       * @description the X-Request-Id of the request, for support
       * @example 0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10
       */
      requestId?: string;
      /** @description transition_not_allowed: where the partnership stands */
      state?: components['schemas']['PartnershipState'];
      /** @example 400 */
      status: number;
      /** @example Invalid request */
      title: string;
      /**
       * @description a URN naming the problem type
       * @example urn:partnership-ledger:problem:validation-failed
       */
      type: string;
    } & {
      [key: string]: unknown;
    };
    /**
     * @example {
     *       "reason": "The signing took place online on 23 February 2023.",
     *       "changes": {
     *         "occurredOn": "2023-02-23",
     *         "mode": "online"
     *       }
     *     }
     */
    CorrectionDto: {
      /** @description fields of the entry to replace, with the entry's own field names; null clears an optional field */
      changes: {
        [key: string]: unknown;
      };
      reason: string;
    };
    /**
     * @example {
     *       "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "decidedOn": {
     *         "date": "2023-02-09",
     *         "precision": "day"
     *       },
     *       "outcome": "adopted",
     *       "paperReference": "DS 2022-0001"
     *     }
     */
    CouncilDecision: {
      decidedOn: components['schemas']['BusinessDate'];
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      eventId: string;
      /** @example adopted */
      outcome: string;
      /** @example DS 2022-0001 */
      paperReference?: string;
      /** @example R 2023/017 */
      resolutionReference?: string;
    };
    /**
     * @example {
     *       "occurredOn": "2023-02-09",
     *       "paperReference": "DS 2022-0001",
     *       "body": "Rat der Stadt Dortmund",
     *       "outcome": "adopted",
     *       "proposedTier": "solidarity",
     *       "tally": {
     *         "unanimous": true
     *       }
     *     }
     */
    CouncilDecisionDto: {
      /** @description e.g. "Rat der Stadt Dortmund" */
      body?: string;
      /** @description for a plan: the day it was made (default: the day it is recorded, or the planned day if that is earlier) */
      madeOn?: components['schemas']['BusinessDateInput'];
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      /**
       * @description required unless planned
       * @enum {string}
       */
      outcome?: 'recommended' | 'adopted' | 'adopted_with_amendments' | 'rejected' | 'deferred' | 'referred_back' | 'withdrawn';
      paperReference?: string;
      /** @description a meeting or activity in the calendar, not yet held */
      planned?: boolean;
      /**
       * @description the tier the resolution adopts; defaults to the paper’s proposed tier
       * @enum {string}
       */
      proposedTier?: 'initiative' | 'contact' | 'solidarity' | 'friendship' | 'project_partnership' | 'twinning';
      resolutionReference?: string;
      resolutionText?: string;
      source?: components['schemas']['Source'];
      tally?: components['schemas']['Tally'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description A new key: the secret is shown only in this answer.
     * @example {
     *       "id": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "name": "Office for International Relations",
     *       "role": "office",
     *       "state": "active",
     *       "createdAt": "2025-01-31T09:00:00.000Z",
     *       "lastUsedAt": "2025-02-03T14:12:00.000Z",
     *       "expiresAt": "2025-05-01T09:00:00.000Z",
     *       "revokedAt": null,
     *       "rotatedAt": null,
     *       "replacedBy": null,
     *       "organisation": "dortmund",
     *       "key": "pl_4f9c2d7e1a6b3c8d5e0f7a2b9c4d1e6f"
     *     }
     */
    CreatedApiKey: {
      /**
       * Format: date-time
       * @example 2025-01-31T09:00:00.000Z
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description when it stops working
       * @example 2025-05-01T09:00:00.000Z
       */
      expiresAt: string | null;
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      id: string;
      /**
       * @description send it as "Authorization: Bearer <key>"; it is not stored and cannot be shown again
       * @example pl_4f9c2d7e1a6b3c8d5e0f7a2b9c4d1e6f
       */
      key: string;
      /**
       * Format: date-time
       * @example 2025-02-03T14:12:00.000Z
       */
      lastUsedAt: string | null;
      /**
       * @description who holds it; recorded as the actor of every event it writes
       * @example Office for International Relations
       */
      name: string;
      /**
       * @description the slug of the one organisation the key acts for
       * @example dortmund
       */
      organisation: string;
      /**
       * Format: uuid
       * @description the key that replaced it by rotation
       * @example null
       */
      replacedBy: string | null;
      /**
       * Format: date-time
       * @example null
       */
      revokedAt: string | null;
      /**
       * @example office
       * @enum {string}
       */
      role: 'office' | 'council' | 'reporting' | 'admin';
      /**
       * Format: date-time
       * @example null
       */
      rotatedAt: string | null;
      /**
       * @example active
       * @enum {string}
       */
      state: 'active' | 'rotating' | 'rotated' | 'expired' | 'revoked';
    };
    /**
     * @description A new subscription: the token and the URLs that carry it are shown only in this answer.
     * @example {
     *       "id": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "name": "Office calendar (Outlook)",
     *       "scope": "calendar",
     *       "partnershipId": "dortmund-zhytomyr",
     *       "createdByKey": "01956f0e-0000-7c3e-9f2d-3a4b5c6d7e8f",
     *       "state": "active",
     *       "createdAt": "2025-01-31T09:00:00.000Z",
     *       "lastUsedAt": null,
     *       "revokedAt": null,
     *       "token": "plf_Ecu09wplGmghbPflmBwPnlbSCOJpYlbMz8sl0ucRQrw",
     *       "url": "https://ledger.example.org/api/v1/calendar.ics?token=plf_Ecu09wplGmghbPflmBwPnlbSCOJpYlbMz8sl0ucRQrw",
     *       "webcal": "webcal://ledger.example.org/api/v1/calendar.ics?token=plf_Ecu09wplGmghbPflmBwPnlbSCOJpYlbMz8sl0ucRQrw"
     *     }
     */
    CreatedCalendarFeed: {
      /**
       * Format: date-time
       * @example 2025-01-31T09:00:00.000Z
       */
      createdAt: string;
      /**
       * Format: uuid
       * @description the API key that created it; null: created with npm run feeds:create
       * @example 01956f0e-0000-7c3e-9f2d-3a4b5c6d7e8f
       */
      createdByKey: string | null;
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      id: string;
      /**
       * Format: date-time
       * @description updated at most once a minute
       * @example 2025-02-03T14:12:00.000Z
       */
      lastUsedAt: string | null;
      /**
       * @description who or what subscribes
       * @example Office calendar (Outlook)
       */
      name: string;
      /**
       * @description null: the plans of all partnerships
       * @example dortmund-zhytomyr
       */
      partnershipId: string | null;
      /**
       * Format: date-time
       * @example null
       */
      revokedAt: string | null;
      /**
       * @description what the token opens: the iCalendar feed only
       * @example calendar
       * @enum {string}
       */
      scope: 'calendar';
      /**
       * @example active
       * @enum {string}
       */
      state: 'active' | 'revoked';
      /**
       * @description not stored and cannot be shown again
       * @example plf_Ecu09wplGmghbPflmBwPnlbSCOJpYlbMz8sl0ucRQrw
       */
      token: string;
      /**
       * Format: uri
       * @description the feed URL to paste into Outlook or Google Calendar
       * @example https://ledger.example.org/api/v1/calendar.ics?token=plf_Ecu09wplGmghbPflmBwPnlbSCOJpYlbMz8sl0ucRQrw
       */
      url: string;
      /**
       * Format: uri
       * @description the same URL for apps that register webcal:
       * @example webcal://ledger.example.org/api/v1/calendar.ics?token=plf_Ecu09wplGmghbPflmBwPnlbSCOJpYlbMz8sl0ucRQrw
       */
      webcal: string;
    };
    /**
     * @description A new invitation: the token is shown only in this answer; hand it to the partner organisation’s admin.
     * @example {
     *       "id": "0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e70",
     *       "partnershipId": "dortmund-zhytomyr",
     *       "organisation": "dortmund",
     *       "createdAt": "2026-12-01T09:00:00.000Z",
     *       "expiresAt": "2026-12-15T09:00:00.000Z",
     *       "acceptedAt": null,
     *       "acceptedBy": null,
     *       "token": "pli_4f9c2d7e1a6b3c8d5e0f7a2b9c4d1e6f"
     *     }
     */
    CreatedInvitation: {
      /**
       * Format: date-time
       * @example null
       */
      acceptedAt: string | null;
      /**
       * @description the partner organisation that accepted it
       * @example null
       */
      acceptedBy: string | null;
      /**
       * Format: date-time
       * @example 2026-12-01T09:00:00.000Z
       */
      createdAt: string;
      /**
       * Format: date-time
       * @example 2026-12-15T09:00:00.000Z
       */
      expiresAt: string;
      /**
       * Format: uuid
       * @example 0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e70
       */
      id: string;
      /**
       * @description the inviting (owning) organisation
       * @example dortmund
       */
      organisation: string;
      /** @example dortmund-zhytomyr */
      partnershipId: string;
      /** @example pli_4f9c2d7e1a6b3c8d5e0f7a2b9c4d1e6f */
      token: string;
    };
    /**
     * @example {
     *       "name": "Office calendar (Outlook)",
     *       "partnershipId": "dortmund-zhytomyr"
     *     }
     */
    CreateFeedDto: {
      /**
       * @description Who or what subscribes, for the list.
       * @example Office calendar (Outlook)
       */
      name: string;
      /**
       * @description Only this partnership’s plans; default: all partnerships.
       * @example dortmund-zhytomyr
       */
      partnershipId?: string;
    };
    /**
     * @description Which partnership to invite a partner to, and for how long the invitation holds.
     * @example {
     *       "partnershipId": "dortmund-zhytomyr",
     *       "validFor": "14d"
     *     }
     */
    CreateInvitation: {
      /** @example dortmund-zhytomyr */
      partnershipId: string;
      /**
       * @description days (d) or hours (h), at most 90d; default 14d
       * @example 14d
       */
      validFor?: string;
    };
    /**
     * @example {
     *       "name": "Office for International Relations",
     *       "role": "office",
     *       "expiresIn": "90d"
     *     }
     */
    CreateKeyDto: {
      /**
       * @description Or: the moment the key stops working. Not with expiresIn.
       * @example 2027-01-31T00:00:00Z
       */
      expiresAt?: string;
      /**
       * @description The key stops working after this long: minutes (m), hours (h), days (d) or weeks (w).
       * @example 90d
       */
      expiresIn?: string;
      /** @example Office for International Relations */
      name: string;
      /**
       * @example office
       * @enum {string}
       */
      role: 'office' | 'council' | 'reporting' | 'admin';
    };
    /**
     * @description A new organisation.
     * @example {
     *       "slug": "zhytomyr",
     *       "name": "Zhytomyr City Council",
     *       "languages": [
     *         "uk",
     *         "en",
     *         "de"
     *       ]
     *     }
     */
    CreateOrganisation: {
      /**
       * @example [
       *       "uk",
       *       "en",
       *       "de"
       *     ]
       */
      languages?: ('en' | 'de' | 'uk')[];
      /** @example Zhytomyr City Council */
      name: string;
      settings?: components['schemas']['OrganisationSettings'];
      /** @example zhytomyr */
      slug: string;
    };
    /**
     * @description A draft resolution and how far it has come.
     * @example {
     *       "reference": "DS 2022-0001",
     *       "title": "Solidarity partnership with Zhytomyr",
     *       "stage": "council_decided",
     *       "proposedTier": "solidarity",
     *       "lastOutcome": "adopted"
     *     }
     */
    CurrentPaper: {
      /** @example adopted */
      lastOutcome?: string;
      /**
       * @example solidarity
       * @enum {string}
       */
      proposedTier?: 'initiative' | 'contact' | 'solidarity' | 'friendship' | 'project_partnership' | 'twinning';
      /** @example DS 2022-0001 */
      reference: string;
      /**
       * @description drafted | board_reviewed | referred | committee_decided | council_decided
       * @example council_decided
       */
      stage: string;
      /** @example Solidarity partnership with Zhytomyr */
      title: string;
    };
    /**
     * @description Whether one dependency is up; the details route adds what the check found (message, lag, …).
     * @example {
     *       "status": "up"
     *     }
     */
    DependencyHealth: {
      /**
       * @example up
       * @enum {string}
       */
      status: 'up' | 'degraded' | 'down';
    } & {
      [key: string]: unknown;
    };
    /**
     * @example {
     *       "occurredOn": "2022-06",
     *       "name": {
     *         "de": "Schytomyr",
     *         "uk": "Житомир",
     *         "en": "Zhytomyr"
     *       },
     *       "country": "UA",
     *       "note": "Zhytomyr asked Dortmund for a partnership."
     *     }
     */
    DesignateCounterpartDto: {
      country?: string;
      name: components['schemas']['LocalizedNameInput'];
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @example {
     *       "occurredOn": "2023-02-23",
     *       "name": "Solidarity agreement (signed).pdf",
     *       "mediaType": "application/pdf",
     *       "sizeBytes": 482113,
     *       "checksum": "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
     *       "link": "https://dms.example.org/documents/4711"
     *     }
     */
    DocumentDto: {
      /** @description e.g. "sha256:…" */
      checksum?: string;
      link?: string;
      mediaType: string;
      name: string;
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      /**
       * Format: uuid
       * @description the entry this document belongs to
       */
      relatesTo?: string;
      sizeBytes?: number;
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @example {
     *       "occurredOn": "2022-12",
     *       "paperReference": "DS 2022-0001",
     *       "title": "Solidarity partnership with Zhytomyr, expandable to official twinning",
     *       "proposedTier": "solidarity",
     *       "route": [
     *         "Verwaltungsvorstand",
     *         "Ausschuss",
     *         "Rat der Stadt"
     *       ]
     *     }
     */
    DraftResolutionDto: {
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      /** @description e.g. the council-information-system paper number; a paper is drafted once */
      paperReference: string;
      /** @enum {string} */
      proposedTier?: 'initiative' | 'contact' | 'solidarity' | 'friendship' | 'project_partnership' | 'twinning';
      /** @description planned route through the bodies, in order */
      route?: string[];
      source?: components['schemas']['Source'];
      title: string;
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description An entry's fields: those of its event type (see the command bodies), dates as BusinessDate. Unknown fields may appear in entries recorded by later versions.
     * @example {
     *       "occurredOn": {
     *         "date": "2022-05",
     *         "precision": "month"
     *       },
     *       "receiver": {
     *         "de": "Winnyzja",
     *         "uk": "Вінниця",
     *         "en": "Vinnytsia"
     *       },
     *       "value": {
     *         "amount": "125000.00",
     *         "currency": "EUR"
     *       },
     *       "modality": "in_kind",
     *       "items": [
     *         "generators"
     *       ],
     *       "sector": "energy"
     *     }
     */
    EntryData: {
      activityKind?: string;
      /** @enum {string} */
      agreementKind?: 'letter_of_intent' | 'solidarity' | 'cooperation' | 'project' | 'twinning_charter';
      area?: string;
      body?: string;
      changes?: {
        [key: string]: unknown;
      };
      checksum?: string;
      committee?: string;
      contactPerson?: string;
      coordinatingOffice?: string;
      counterpart?: components['schemas']['LocalizedName'];
      counterpartCountry?: string;
      country?: string;
      decisionReference?: string;
      deliveryId?: string;
      discrepancies?: string;
      documentReference?: string;
      endsOn?: components['schemas']['BusinessDate'];
      expectedBy?: components['schemas']['BusinessDate'];
      funder?: string;
      fundingChannel?: string;
      items?: string[];
      link?: string;
      madeOn?: components['schemas']['BusinessDate'];
      mandateReference?: string;
      mediaType?: string;
      meetingDate?: components['schemas']['BusinessDate'];
      /** @enum {string} */
      modality?: 'cash' | 'in_kind' | 'services';
      /** @enum {string} */
      mode?: 'in_person' | 'online' | 'council_session';
      name?: components['schemas']['LocalizedName'] | string;
      /** Format: date */
      newDueDate?: string;
      note?: string;
      obligationId?: string;
      obligations?: components['schemas']['Obligation'][];
      occurredOn?: components['schemas']['BusinessDate'];
      organisation?: string;
      /** @enum {string} */
      outcome?:
        | 'approved'
        | 'amended'
        | 'deferred'
        | 'rejected'
        | 'recommended'
        | 'adopted'
        | 'adopted_with_amendments'
        | 'referred_back'
        | 'withdrawn';
      ownMunicipality?: components['schemas']['LocalizedName'];
      paperReference?: string;
      participantCount?: number;
      participants?: string[];
      /** @enum {string} */
      participantType?: 'civil_society' | 'academic' | 'business' | 'healthcare' | 'school' | 'public_body';
      partnershipId?: string;
      place?: string;
      planned?: boolean;
      predecessorId?: string;
      previous?: {
        [key: string]: unknown;
      };
      programme?: string;
      /** @enum {string} */
      proposedTier?: 'initiative' | 'contact' | 'solidarity' | 'friendship' | 'project_partnership' | 'twinning';
      purpose?: string;
      reason?: string;
      /** @enum {string} */
      received?: 'all' | 'part';
      receiver?: components['schemas']['LocalizedName'];
      relatesTo?: string;
      resolutionReference?: string;
      resolutionText?: string;
      route?: string[];
      sector?: string;
      /** @enum {string} */
      side?: 'own' | 'counterpart';
      signatories?: components['schemas']['Signatory'][];
      sizeBytes?: number;
      source?: components['schemas']['Source'];
      tally?: components['schemas']['Tally'];
      targetEventId?: string;
      targetType?: string;
      text?: string;
      /** @enum {string} */
      tier?: 'initiative' | 'contact';
      title?: string;
      urgentDecisionReference?: string;
      value?: components['schemas']['Money'];
      venue?: string;
      /** @enum {string} */
      visibility?: 'public' | 'internal';
    } & {
      [key: string]: unknown;
    };
    /**
     * @example {
     *       "name": "Office Tester",
     *       "reason": "request under GDPR Art. 17 of 2026-12-01, file 17/2026"
     *     }
     */
    EraseDto: {
      /** @description the name as recorded in a personal field (case and spacing do not matter) */
      name?: string;
      /** @description why: recorded in the erasure log (name nobody in it) */
      reason: string;
      /**
       * Format: uuid
       * @description or the subject id (people:export shows it)
       */
      subject?: string;
    };
    /**
     * @description One recorded erasure.
     * @example {
     *       "id": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "subjectId": "3f1c2a9e-8b7d-4c6e-9a5f-1e2d3c4b5a69",
     *       "erasedAt": "2026-12-01T09:00:00.000Z"
     *     }
     */
    Erasure: {
      /** Format: date-time */
      erasedAt: string;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      subjectId: string;
    };
    /**
     * @description The erasure log, oldest first.
     * @example {
     *       "erasures": []
     *     }
     */
    ErasureList: {
      erasures: components['schemas']['ErasureLogEntry'][];
    };
    /**
     * @description Who erased which subject, when and why.
     * @example {
     *       "organisationId": "00000000-0000-4000-8000-000000000001",
     *       "id": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "subjectId": "3f1c2a9e-8b7d-4c6e-9a5f-1e2d3c4b5a69",
     *       "erasedAt": "2026-12-01T09:00:00.000Z",
     *       "erasedBy": "key:01956f0e-…",
     *       "reason": "request of 2026-12-01"
     *     }
     */
    ErasureLogEntry: {
      /** Format: date-time */
      erasedAt: string;
      erasedBy: string;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      organisationId: string;
      reason: string;
      /** Format: uuid */
      subjectId: string;
    };
    /**
     * @description What an erasure affected. The events stay (their hashes too); their values of the subject read as "[erased]".
     * @example {
     *       "erasures": [
     *         {
     *           "id": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "subjectId": "3f1c2a9e-8b7d-4c6e-9a5f-1e2d3c4b5a69",
     *           "erasedAt": "2026-12-01T09:00:00.000Z"
     *         }
     *       ],
     *       "alreadyErased": [],
     *       "events": 2,
     *       "streams": [
     *         "dortmund-zhytomyr"
     *       ],
     *       "readRows": 3,
     *       "reports": 1,
     *       "reportIds": [
     *         "0195a2b4-1c2d-7e3f-8a9b-0c1d2e3f4a5b"
     *       ],
     *       "rebuilt": [
     *         "partnerships"
     *       ]
     *     }
     */
    ErasureOutcome: {
      /** @description subjects erased before: nothing was done for them */
      alreadyErased: string[];
      erasures: components['schemas']['Erasure'][];
      /** @description events that hold a value of the subject */
      events: number;
      /** @description read-model rows that showed a value of the subject before the rebuild */
      readRows: number;
      /** @description projections rebuilt */
      rebuilt: string[];
      /** @description their ids */
      reportIds: string[];
      /** @description stored reports queued to be rendered again */
      reports: number;
      /** @description the partnerships of those events */
      streams: string[];
    };
    /**
     * @description Who recorded an event, from where, under which request.
     * @example {
     *       "actor": "Office for International Relations",
     *       "role": "office",
     *       "keyId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "requestId": "0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10",
     *       "correlationId": "0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10",
     *       "causationId": "0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10",
     *       "source": "api"
     *     }
     */
    EventMetadata: {
      /** @example Office for International Relations */
      actor?: string;
      /** @example 0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10 */
      causationId?: string;
      /** @example 0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10 */
      correlationId?: string;
      /** @example 0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10 */
      requestId?: string;
      /**
       * @description api, seed, …
       * @example api
       */
      source?: string;
    } & {
      [key: string]: unknown;
    };
    /**
     * @example {
     *       "field": "value.amount",
     *       "reason": "must have at most 2 decimals for EUR"
     *     }
     */
    FieldError: {
      /**
       * @description the field, as a path: value.amount, signatories[0].name, If-Match
       * @example value.amount
       */
      field: string;
      /**
       * @description why, read after the field name
       * @example must have at most 2 decimals for EUR
       */
      reason: string;
    };
    /**
     * @description A name the counterpart carried before a rename, with the period it was in use.
     * @example {
     *       "name": {
     *         "de": "Shitomir"
     *       },
     *       "from": null,
     *       "until": {
     *         "date": "2023-05",
     *         "precision": "month"
     *       }
     *     }
     */
    FormerName: {
      /** @description null: since the beginning */
      from: components['schemas']['BusinessDate'] | null;
      name: components['schemas']['LocalizedName'];
      until: components['schemas']['BusinessDate'];
    };
    /**
     * @description One input of a milestone form (docs/api.md, milestone kinds).
     * @example {
     *       "name": "receiver",
     *       "kind": "name",
     *       "required": true,
     *       "personal": false,
     *       "maxLength": 200
     *     }
     */
    FormField: {
      /** @description enum: the vocabulary the options come from, e.g. modality */
      codes?: string;
      /** @description object: its fields */
      fields?: components['schemas']['FormField'][];
      /** @description list: one entry */
      item?: components['schemas']['FormField'];
      /** @enum {string} */
      kind: 'text' | 'longText' | 'texts' | 'date' | 'money' | 'name' | 'count' | 'bool' | 'enum' | 'country' | 'object' | 'list';
      /** @description text, longText, texts, name: characters per text */
      maxLength?: number;
      name: string;
      /** @description enum: the values, in order */
      options?: string[];
      /** @description personal data, e.g. a person’s name */
      personal: boolean;
      required: boolean;
    };
    /**
     * @example {
     *       "occurredOn": "2023-11",
     *       "funder": "European Commission",
     *       "programme": "CERV town twinning",
     *       "value": {
     *         "amount": "30000.00",
     *         "currency": "EUR"
     *       },
     *       "purpose": "Youth exchange Dortmund–Zhytomyr",
     *       "obligations": [
     *         {
     *           "kind": "interim_report",
     *           "dueDate": "2024-03-31",
     *           "description": "Interim report on the first exchange"
     *         },
     *         {
     *           "id": "final-report",
     *           "kind": "final_report",
     *           "dueDate": "2024-12-31",
     *           "description": "Final report and proof of use"
     *         }
     *       ]
     *     }
     */
    FundingDto: {
      /** @description who gave it, e.g. "European Commission" */
      funder: string;
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description what the funder requires in return, each with its due date */
      obligations?: components['schemas']['Obligation'][];
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      /** @description the funding programme or call, e.g. "CERV town twinning 2024" */
      programme?: string;
      /** @description what it pays for */
      purpose?: string;
      source?: components['schemas']['Source'];
      value?: components['schemas']['Money'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description The IATI reporting-org of an organisation.
     * @example {
     *       "ref": "DE-GOV-05913000",
     *       "name": "Stadt Dortmund",
     *       "type": "10"
     *     }
     */
    IatiReportingOrg: {
      /** @example Stadt Dortmund */
      name?: string;
      /**
       * @description IATI organisation identifier
       * @example DE-GOV-05913000
       */
      ref: string;
      /**
       * @description IATI OrganisationType code (10: government)
       * @example 10
       */
      type?: string;
    };
    /**
     * @example {
     *       "partnershipId": "dortmund-zhytomyr",
     *       "occurredOn": "2022",
     *       "ownMunicipality": {
     *         "de": "Dortmund",
     *         "uk": "Дортмунд",
     *         "en": "Dortmund"
     *       },
     *       "tier": "initiative",
     *       "coordinatingOffice": "Office for International Relations",
     *       "mandateReference": "Council resolution 2022: seek a partnership with a Ukrainian city"
     *     }
     */
    InitiatePartnershipDto: {
      /** @description a person to contact about it (personal data: erasable on request) */
      contactPerson?: string;
      coordinatingOffice?: string;
      counterpart?: components['schemas']['LocalizedNameInput'];
      counterpartCountry?: string;
      mandateReference?: string;
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      ownMunicipality: components['schemas']['LocalizedNameInput'];
      /** @description your own id (a slug); a UUID is assigned when left out */
      partnershipId?: string;
      /** @description the terminated partnership this one restarts */
      predecessorId?: string;
      source?: components['schemas']['Source'];
      /**
       * @description only initiative or contact: higher tiers begin with a signed agreement
       * @enum {string}
       */
      tier: 'initiative' | 'contact';
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description An invitation of a partner organisation to a partnership.
     * @example {
     *       "id": "0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e70",
     *       "partnershipId": "dortmund-zhytomyr",
     *       "organisation": "dortmund",
     *       "createdAt": "2026-12-01T09:00:00.000Z",
     *       "expiresAt": "2026-12-15T09:00:00.000Z",
     *       "acceptedAt": null,
     *       "acceptedBy": null
     *     }
     */
    Invitation: {
      /**
       * Format: date-time
       * @example null
       */
      acceptedAt: string | null;
      /**
       * @description the partner organisation that accepted it
       * @example null
       */
      acceptedBy: string | null;
      /**
       * Format: date-time
       * @example 2026-12-01T09:00:00.000Z
       */
      createdAt: string;
      /**
       * Format: date-time
       * @example 2026-12-15T09:00:00.000Z
       */
      expiresAt: string;
      /**
       * Format: uuid
       * @example 0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e70
       */
      id: string;
      /**
       * @description the inviting (owning) organisation
       * @example dortmund
       */
      organisation: string;
      /** @example dortmund-zhytomyr */
      partnershipId: string;
    };
    /**
     * @example {
     *       "status": "ok",
     *       "uptimeSeconds": 3600
     *     }
     */
    Liveness: {
      /**
       * @example ok
       * @enum {string}
       */
      status: 'ok';
      /** @example 3600 */
      uptimeSeconds: number;
    };
    /**
     * @description A name per language, keyed by BCP 47 language tag (de, uk, en, ru, sr-Latn …); at least one.
     * @example {
     *       "de": "Schytomyr",
     *       "uk": "Житомир",
     *       "en": "Zhytomyr"
     *     }
     */
    LocalizedName: {
      [key: string]: string;
    };
    /**
     * @description A name in a request, per language: keys are BCP 47 language tags (de, uk, en, sr-Latn …), values non-empty texts; at least one. Responses give it back as LocalizedName.
     * @example {
     *       "de": "Schytomyr",
     *       "uk": "Житомир",
     *       "en": "Zhytomyr"
     *     }
     */
    LocalizedNameInput: {
      [key: string]: string;
    };
    /**
     * @description Who is asking: the holder and role of the API key sent, or the signed-in person.
     * @example {
     *       "name": "Office for International Relations",
     *       "role": "office",
     *       "organisation": "dortmund",
     *       "organisations": [
     *         {
     *           "slug": "dortmund",
     *           "name": "Stadt Dortmund",
     *           "languages": [
     *             "de",
     *             "en",
     *             "uk"
     *           ],
     *           "roles": [
     *             "office"
     *           ]
     *         }
     *       ]
     *     }
     */
    Me: {
      /**
       * @description the pseudonymous id events record
       * @example person:0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e6f
       */
      actorId?: string;
      /** @description send as X-CSRF-Token with every change made with the session cookie */
      csrfToken?: string;
      /**
       * Format: date-time
       * @description the session ends then unless another request comes first
       */
      idleEndsAt?: string;
      /**
       * @description present for a signed-in person
       * @enum {string}
       */
      kind?: 'person';
      /**
       * @description the key's name, or the person's display name
       * @example Office for International Relations
       */
      name: string;
      /**
       * @description the organisation this request acts for
       * @example zhytomyr
       */
      organisation: string;
      /** @description every organisation the caller may act for */
      organisations: components['schemas']['MyOrganisation'][];
      /**
       * @description the key's role, or the person's most powerful role
       * @example council
       * @enum {string}
       */
      role: 'office' | 'council' | 'reporting' | 'admin';
      /** @description every role the person has */
      roles?: ('office' | 'council' | 'reporting' | 'admin')[];
      /**
       * Format: date-time
       * @description the session ends then at the latest
       */
      sessionExpiresAt?: string;
      /**
       * @description the person's subject at the identity provider
       * @example f3b1c2d4-…
       */
      subject?: string;
    };
    /**
     * @description A person's roles in an organisation (pending: added by e-mail, not signed in yet).
     * @example {
     *       "personId": "0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e6f",
     *       "email": null,
     *       "displayName": "Office Tester",
     *       "issuer": "https://login.example/realms/city",
     *       "subject": "f3b1c2d4",
     *       "roles": [
     *         "office"
     *       ],
     *       "pending": false
     *     }
     */
    Member: {
      /** @example Office Tester */
      displayName: string | null;
      /** @example null */
      email: string | null;
      /** @example https://login.example/realms/city */
      issuer: string | null;
      /** @example false */
      pending: boolean;
      /**
       * Format: uuid
       * @example 0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e6f
       */
      personId: string | null;
      /**
       * @example [
       *       "office"
       *     ]
       */
      roles: ('office' | 'council' | 'reporting' | 'admin')[];
      /** @example f3b1c2d4 */
      subject: string | null;
    };
    /**
     * @description An organisation's members.
     * @example {
     *       "members": [
     *         {
     *           "personId": "0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e6f",
     *           "email": null,
     *           "displayName": "Office Tester",
     *           "issuer": "https://login.example/realms/city",
     *           "subject": "f3b1c2d4",
     *           "roles": [
     *             "office"
     *           ],
     *           "pending": false
     *         }
     *       ]
     *     }
     */
    MemberList: {
      members: components['schemas']['Member'][];
    };
    /**
     * @description A milestone the page can record: its route, who may record it, its form and an example body.
     * @example {
     *       "type": "AidDelivered",
     *       "path": "aid-deliveries",
     *       "summary": "Record aid delivered (the receiver may differ from the counterpart)",
     *       "roles": [
     *         "office",
     *         "admin"
     *       ],
     *       "sides": [
     *         "own",
     *         "partner"
     *       ],
     *       "plannable": false,
     *       "creates": false,
     *       "fields": [
     *         {
     *           "name": "occurredOn",
     *           "kind": "date",
     *           "required": true,
     *           "personal": false
     *         },
     *         {
     *           "name": "receiver",
     *           "kind": "name",
     *           "required": true,
     *           "personal": false,
     *           "maxLength": 200
     *         },
     *         {
     *           "name": "value",
     *           "kind": "money",
     *           "required": false,
     *           "personal": false
     *         },
     *         {
     *           "name": "modality",
     *           "kind": "enum",
     *           "required": true,
     *           "personal": false,
     *           "options": [
     *             "cash",
     *             "in_kind",
     *             "services"
     *           ],
     *           "codes": "modality"
     *         },
     *         {
     *           "name": "items",
     *           "kind": "texts",
     *           "required": false,
     *           "personal": false,
     *           "maxLength": 200
     *         },
     *         {
     *           "name": "sector",
     *           "kind": "text",
     *           "required": false,
     *           "personal": false,
     *           "maxLength": 200
     *         },
     *         {
     *           "name": "fundingChannel",
     *           "kind": "text",
     *           "required": false,
     *           "personal": false,
     *           "maxLength": 200
     *         },
     *         {
     *           "name": "note",
     *           "kind": "longText",
     *           "required": false,
     *           "personal": false,
     *           "maxLength": 10000
     *         },
     *         {
     *           "name": "source",
     *           "kind": "object",
     *           "required": false,
     *           "personal": false,
     *           "fields": [
     *             {
     *               "name": "reference",
     *               "kind": "text",
     *               "required": false,
     *               "personal": false,
     *               "maxLength": 200
     *             },
     *             {
     *               "name": "url",
     *               "kind": "text",
     *               "required": false,
     *               "personal": false,
     *               "maxLength": 2000
     *             }
     *           ]
     *         },
     *         {
     *           "name": "visibility",
     *           "kind": "enum",
     *           "required": false,
     *           "personal": false,
     *           "options": [
     *             "public",
     *             "internal"
     *           ],
     *           "codes": "visibility"
     *         }
     *       ],
     *       "example": {
     *         "occurredOn": "2022-05",
     *         "receiver": {
     *           "de": "Winnyzja",
     *           "uk": "Вінниця",
     *           "en": "Vinnytsia"
     *         },
     *         "value": {
     *           "amount": "125000.00",
     *           "currency": "EUR"
     *         },
     *         "modality": "in_kind",
     *         "items": [
     *           "generators"
     *         ],
     *         "sector": "energy"
     *       }
     *     }
     */
    MilestoneKind: {
      /** @description creates the partnership */
      creates: boolean;
      /** @description a request body */
      example: {
        [key: string]: unknown;
      };
      fields: components['schemas']['FormField'][];
      /** @description the segment after /api/v1/partnerships/{id}/; '' creates a partnership (POST /api/v1/partnerships) */
      path: string;
      /** @description can be put in the calendar before it happens (planned) */
      plannable: boolean;
      roles: string[];
      /** @description the sides of a shared partnership that record it: the owner ('own') always, the partner organisation for its side's milestones */
      sides: ('own' | 'partner')[];
      summary: string;
      /** @description the event type it records */
      type: string;
    };
    /**
     * @description Every milestone kind, with the form that records it.
     * @example {
     *       "kinds": [
     *         {
     *           "type": "AidDelivered",
     *           "path": "aid-deliveries",
     *           "summary": "Record aid delivered (the receiver may differ from the counterpart)",
     *           "roles": [
     *             "office",
     *             "admin"
     *           ],
     *           "sides": [
     *             "own",
     *             "partner"
     *           ],
     *           "plannable": false,
     *           "creates": false,
     *           "fields": [
     *             {
     *               "name": "occurredOn",
     *               "kind": "date",
     *               "required": true,
     *               "personal": false
     *             },
     *             {
     *               "name": "receiver",
     *               "kind": "name",
     *               "required": true,
     *               "personal": false,
     *               "maxLength": 200
     *             },
     *             {
     *               "name": "value",
     *               "kind": "money",
     *               "required": false,
     *               "personal": false
     *             },
     *             {
     *               "name": "modality",
     *               "kind": "enum",
     *               "required": true,
     *               "personal": false,
     *               "options": [
     *                 "cash",
     *                 "in_kind",
     *                 "services"
     *               ],
     *               "codes": "modality"
     *             },
     *             {
     *               "name": "items",
     *               "kind": "texts",
     *               "required": false,
     *               "personal": false,
     *               "maxLength": 200
     *             },
     *             {
     *               "name": "sector",
     *               "kind": "text",
     *               "required": false,
     *               "personal": false,
     *               "maxLength": 200
     *             },
     *             {
     *               "name": "fundingChannel",
     *               "kind": "text",
     *               "required": false,
     *               "personal": false,
     *               "maxLength": 200
     *             },
     *             {
     *               "name": "note",
     *               "kind": "longText",
     *               "required": false,
     *               "personal": false,
     *               "maxLength": 10000
     *             },
     *             {
     *               "name": "source",
     *               "kind": "object",
     *               "required": false,
     *               "personal": false,
     *               "fields": [
     *                 {
     *                   "name": "reference",
     *                   "kind": "text",
     *                   "required": false,
     *                   "personal": false,
     *                   "maxLength": 200
     *                 },
     *                 {
     *                   "name": "url",
     *                   "kind": "text",
     *                   "required": false,
     *                   "personal": false,
     *                   "maxLength": 2000
     *                 }
     *               ]
     *             },
     *             {
     *               "name": "visibility",
     *               "kind": "enum",
     *               "required": false,
     *               "personal": false,
     *               "options": [
     *                 "public",
     *                 "internal"
     *               ],
     *               "codes": "visibility"
     *             }
     *           ],
     *           "example": {
     *             "occurredOn": "2022-05",
     *             "receiver": {
     *               "de": "Winnyzja",
     *               "uk": "Вінниця",
     *               "en": "Vinnytsia"
     *             },
     *             "value": {
     *               "amount": "125000.00",
     *               "currency": "EUR"
     *             },
     *             "modality": "in_kind",
     *             "items": [
     *               "generators"
     *             ],
     *             "sector": "energy"
     *           }
     *         }
     *       ]
     *     }
     */
    MilestoneKinds: {
      kinds: components['schemas']['MilestoneKind'][];
    };
    /**
     * @description An exact amount as a decimal string, with at most as many decimals as the currency has (EUR 2, JPY 0), and its ISO 4217 currency.
     * @example {
     *       "amount": "125000.00",
     *       "currency": "EUR"
     *     }
     */
    Money: {
      /** @description positive decimal string, at most as many decimals as the currency has (EUR 2, JPY 0) */
      amount: string;
      /** @description ISO 4217 code */
      currency: string;
    };
    /**
     * @description An organisation the caller acts for, with their roles there.
     * @example {
     *       "slug": "zhytomyr",
     *       "name": "Zhytomyr City Council",
     *       "languages": [
     *         "uk",
     *         "en",
     *         "de"
     *       ],
     *       "roles": [
     *         "office"
     *       ]
     *     }
     */
    MyOrganisation: {
      /**
       * @description its languages, the default first
       * @example [
       *       "uk",
       *       "en",
       *       "de"
       *     ]
       */
      languages: string[];
      /** @example Zhytomyr City Council */
      name: string;
      /**
       * @example [
       *       "office"
       *     ]
       */
      roles: ('office' | 'council' | 'reporting' | 'admin')[];
      /**
       * @description send as X-Organisation to act for it
       * @example zhytomyr
       */
      slug: string;
    };
    /**
     * @description The next open plan of the partnership.
     * @example {
     *       "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "kind": "AgreementSigningScheduled",
     *       "title": "Signing (solidarity) — Dortmund City Hall",
     *       "date": {
     *         "date": "2023-02-23",
     *         "precision": "day"
     *       }
     *     }
     */
    NextScheduled: {
      date: components['schemas']['BusinessDate'];
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      eventId: string;
      /**
       * @description the event type, e.g. AgreementSigningScheduled, BoardReviewed (planned)
       * @example AgreementSigningScheduled
       */
      kind: string;
      /** @example Signing (solidarity) — Dortmund City Hall */
      title: string;
    };
    /**
     * @example {
     *       "occurredOn": "2023-03",
     *       "text": "Zhytomyr asked for a follow-up call in March."
     *     }
     */
    NoteDto: {
      occurredOn: components['schemas']['BusinessDateInput'];
      /**
       * Format: uuid
       * @description the entry this note is about
       */
      relatesTo?: string;
      source?: components['schemas']['Source'];
      text: string;
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description A 503 from readiness (code not_ready), with which dependency is down.
     * @example {
     *       "type": "urn:partnership-ledger:problem:not-ready",
     *       "title": "Service unavailable",
     *       "status": 503,
     *       "detail": "Not ready: redis is down.",
     *       "code": "not_ready",
     *       "instance": "/health/ready",
     *       "info": {
     *         "postgres": {
     *           "status": "up"
     *         }
     *       },
     *       "error": {
     *         "redis": {
     *           "status": "down"
     *         }
     *       },
     *       "details": {
     *         "postgres": {
     *           "status": "up"
     *         },
     *         "redis": {
     *           "status": "down"
     *         }
     *       }
     *     }
     */
    NotReadyProblem: {
      /**
       * @description stable machine-readable code
       * @example validation_failed
       */
      code: string;
      /**
       * @description what went wrong and what to do, for people
       * @example The request has 1 invalid field: value.amount must have at most 2 decimals for EUR.
       */
      detail: string;
      /**
       * @description every dependency
       * @example {
       *       "postgres": {
       *         "status": "up"
       *       },
       *       "redis": {
       *         "status": "up"
       *       }
       *     }
       */
      details?: {
        [key: string]: components['schemas']['DependencyHealth'];
      };
      /**
       * @description the dependencies that are down
       * @example {
       *       "postgres": {
       *         "status": "up"
       *       },
       *       "redis": {
       *         "status": "up"
       *       }
       *     }
       */
      error?: {
        [key: string]: components['schemas']['DependencyHealth'];
      };
      /** @description one entry per invalid field */
      errors?: components['schemas']['FieldError'][];
      /**
       * @description the dependencies that are up
       * @example {
       *       "postgres": {
       *         "status": "up"
       *       },
       *       "redis": {
       *         "status": "up"
       *       }
       *     }
       */
      info?: {
        [key: string]: components['schemas']['DependencyHealth'];
      };
      /**
       * @description the request path
       * @example /api/v1/partnerships/dortmund-zhytomyr/aid-deliveries
       */
      instance?: string;
      /**
       * @description the X-Request-Id of the request, for support
       * @example 0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10
       */
      requestId?: string;
      /** @example 400 */
      status: number;
      /** @example Invalid request */
      title: string;
      /**
       * @description a URN naming the problem type
       * @example urn:partnership-ledger:problem:validation-failed
       */
      type: string;
    } & {
      [key: string]: unknown;
    };
    /**
     * @description What a funder requires in return, with its due date: a report, proof of use, a public posting.
     * @example {
     *       "id": "final-report",
     *       "kind": "final_report",
     *       "dueDate": "2024-12-31",
     *       "description": "Final report to the funder"
     *     }
     */
    Obligation: {
      description?: string;
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      dueDate: string;
      /** @description stable id within the partnership; generated from kind and due date when left out */
      id?: string;
      /** @enum {string} */
      kind: 'interim_report' | 'final_report' | 'proof_of_use' | 'public_posting' | 'other';
    };
    /**
     * @example {
     *       "occurredOn": "2024-12-10",
     *       "obligationId": "final-report",
     *       "newDueDate": "2025-02-28",
     *       "reason": "Extension granted by the funder"
     *     }
     */
    ObligationExtensionDto: {
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      newDueDate: string;
      /** @description free text for whoever reads the timeline later */
      note?: string;
      obligationId: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      reason: string;
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @example {
     *       "occurredOn": "2024-12-18",
     *       "obligationId": "final-report",
     *       "documentReference": "Report submitted via the funder portal, ref. 2024-117"
     *     }
     */
    ObligationFulfilmentDto: {
      /** @description the report or proof as submitted: a file number or a link */
      documentReference?: string;
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description the id of an obligation of a funding entry */
      obligationId: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description An obligation of a funding entry, with its current due date and status.
     * @example {
     *       "partnershipId": "dortmund-zhytomyr",
     *       "obligationId": "final-report",
     *       "fundingEventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "kind": "final_report",
     *       "title": "Final report: proof of use (CERV town twinning)",
     *       "dueDate": "2024-12-31",
     *       "originalDueDate": null,
     *       "status": "open",
     *       "settledBy": null
     *     }
     */
    ObligationItem: {
      /**
       * Format: date
       * @example 2024-12-31
       */
      dueDate: string;
      /**
       * Format: uuid
       * @description the funding entry that imposes it
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      fundingEventId: string;
      /**
       * @description interim_report | final_report | proof_of_use | public_posting | other
       * @example final_report
       */
      kind: string;
      /**
       * @description stable within the partnership
       * @example final-report
       */
      obligationId: string;
      /**
       * Format: date
       * @description the due date first given, when extended
       * @example null
       */
      originalDueDate: string | null;
      /** @example dortmund-zhytomyr */
      partnershipId: string;
      /**
       * @description the fulfilment or waiver entry
       * @example null
       */
      settledBy: string | null;
      /**
       * @example open
       * @enum {string}
       */
      status: 'open' | 'fulfilled' | 'waived';
      /** @example Final report: proof of use (CERV town twinning) */
      title: string;
    };
    /**
     * @example {
     *       "occurredOn": "2024-04-15",
     *       "obligationId": "interim_report-2024-03-31",
     *       "reason": "The funder waived the interim report"
     *     }
     */
    ObligationWaiverDto: {
      /** @description free text for whoever reads the timeline later */
      note?: string;
      obligationId: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      reason: string;
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description An item on a meeting’s agenda: the consultation of a paper.
     * @example {
     *       "id": "https://ledger.example.org/oparl/v1.1/agendaitem/0470f5a5-63b8-58e3-a264-ff555ac2966f",
     *       "type": "https://schema.oparl.org/1.1/AgendaItem",
     *       "meeting": "https://ledger.example.org/oparl/v1.1/meeting/city-council--2023-02-09",
     *       "order": 0,
     *       "name": "Solidarity partnership with Zhytomyr, expandable to official twinning",
     *       "consultation": "https://ledger.example.org/oparl/v1.1/consultation/0470f5a5-63b8-58e3-a264-ff555ac2966f",
     *       "result": "beschlossen",
     *       "created": "2023-01-10T09:12:00.000Z",
     *       "modified": "2023-02-09T16:40:00.000Z"
     *     }
     */
    OParlAgendaItem: {
      /**
       * Format: uri
       * @description the Consultation
       * @example https://ledger.example.org/oparl/v1.1/consultation/0470f5a5-63b8-58e3-a264-ff555ac2966f
       */
      consultation?: string;
      /**
       * Format: date-time
       * @description when the object was first recorded
       * @example 2023-01-10T09:12:00.000Z
       */
      created?: string;
      /**
       * @description true: the object is gone (a tombstone); absent otherwise
       * @example true
       */
      deleted?: boolean;
      /**
       * Format: uri
       * @description the URL of the object; GET it to read the object
       * @example https://ledger.example.org/oparl/v1.1/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107
       */
      id: string;
      /**
       * @example [
       *       "partnership"
       *     ]
       */
      keyword?: string[];
      /**
       * Format: uri
       * @description the licence of the data (OPARL_LICENSE)
       * @example https://creativecommons.org/licenses/by/4.0/
       */
      license?: string;
      /**
       * Format: uri
       * @description the Meeting
       * @example https://ledger.example.org/oparl/v1.1/meeting/city-council--2023-02-09
       */
      meeting?: string;
      /**
       * Format: date-time
       * @description when it last changed (also when it was deleted)
       * @example 2023-02-09T16:40:00.000Z
       */
      modified?: string;
      /** @example Solidarity partnership with Zhytomyr, expandable to official twinning */
      name?: string;
      /**
       * @description the position on the agenda (kept on a tombstone: OParl requires it)
       * @example 0
       */
      order: number;
      /** @example The council adopts the solidarity partnership. */
      resolutionText?: string;
      /** @example beschlossen */
      result?: string;
      /**
       * @description the OParl type (a schema URL)
       * @example https://schema.oparl.org/1.1/AgendaItem
       * @enum {string}
       */
      type: 'https://schema.oparl.org/1.1/AgendaItem';
      /**
       * Format: uri
       * @description the same object on a web page
       * @example https://ledger.example.org/
       */
      web?: string;
    };
    /**
     * @description The OParl Body: the municipality, with the URLs of its lists (person, file, location, term and membership lists are empty: the ledger holds none).
     * @example {
     *       "id": "https://ledger.example.org/oparl/v1.1/body/municipality",
     *       "type": "https://schema.oparl.org/1.1/Body",
     *       "system": "https://ledger.example.org/oparl/v1.1/system",
     *       "name": "Stadt Dortmund",
     *       "ags": "05913000",
     *       "organization": "https://ledger.example.org/oparl/v1.1/body/municipality/organization",
     *       "person": "https://ledger.example.org/oparl/v1.1/body/municipality/person",
     *       "meeting": "https://ledger.example.org/oparl/v1.1/body/municipality/meeting",
     *       "paper": "https://ledger.example.org/oparl/v1.1/body/municipality/paper",
     *       "legislativeTerm": [],
     *       "agendaItem": "https://ledger.example.org/oparl/v1.1/body/municipality/agendaitem",
     *       "consultation": "https://ledger.example.org/oparl/v1.1/body/municipality/consultation",
     *       "file": "https://ledger.example.org/oparl/v1.1/body/municipality/file",
     *       "locationList": "https://ledger.example.org/oparl/v1.1/body/municipality/locationlist",
     *       "legislativeTermList": "https://ledger.example.org/oparl/v1.1/body/municipality/legislativetermlist",
     *       "membership": "https://ledger.example.org/oparl/v1.1/body/municipality/membership",
     *       "mainOrganization": "https://ledger.example.org/oparl/v1.1/organization/city-council",
     *       "created": "2023-01-10T09:12:00.000Z",
     *       "modified": "2023-02-09T16:40:00.000Z"
     *     }
     */
    OParlBody: {
      /**
       * Format: uri
       * @description the list of agenda items
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/agendaitem
       */
      agendaItem: string;
      /**
       * @description Amtlicher Gemeindeschlüssel (OPARL_BODY_AGS)
       * @example 05913000
       */
      ags?: string;
      /** @example Kreisfreie Stadt */
      classification?: string;
      /**
       * Format: uri
       * @description the list of consultations
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/consultation
       */
      consultation: string;
      /**
       * Format: date-time
       * @description when the object was first recorded
       * @example 2023-01-10T09:12:00.000Z
       */
      created?: string;
      /**
       * @description true: the object is gone (a tombstone); absent otherwise
       * @example true
       */
      deleted?: boolean;
      /**
       * @example [
       *       "https://www.wikidata.org/wiki/Q1295"
       *     ]
       */
      equivalent?: string[];
      /**
       * Format: uri
       * @description the list of files (empty)
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/file
       */
      file: string;
      /**
       * Format: uri
       * @description the URL of the object; GET it to read the object
       * @example https://ledger.example.org/oparl/v1.1/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107
       */
      id: string;
      /**
       * @example [
       *       "partnership"
       *     ]
       */
      keyword?: string[];
      /**
       * @description legislative terms: none (the ledger records no terms)
       * @example []
       */
      legislativeTerm: Record<string, never>[];
      /**
       * Format: uri
       * @description the list of legislative terms (empty)
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/legislativetermlist
       */
      legislativeTermList: string;
      /**
       * Format: uri
       * @description the licence of the data (OPARL_LICENSE)
       * @example https://creativecommons.org/licenses/by/4.0/
       */
      license?: string;
      /**
       * Format: date-time
       * @example 2023-01-01T00:00:00+01:00
       */
      licenseValidSince?: string;
      /**
       * Format: uri
       * @description the list of locations (empty)
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/locationlist
       */
      locationList: string;
      /**
       * Format: uri
       * @description the council, once a council decision is recorded
       * @example https://ledger.example.org/oparl/v1.1/organization/city-council
       */
      mainOrganization?: string;
      /**
       * Format: uri
       * @description the list of meetings
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/meeting
       */
      meeting: string;
      /**
       * Format: uri
       * @description the list of memberships (empty)
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/membership
       */
      membership: string;
      /**
       * Format: date-time
       * @description when it last changed (also when it was deleted)
       * @example 2023-02-09T16:40:00.000Z
       */
      modified?: string;
      /**
       * @description OPARL_BODY_NAME, else the own municipality the partnerships name most
       * @example Stadt Dortmund
       */
      name: string;
      /**
       * Format: date-time
       * @example 2023-01-01T00:00:00+01:00
       */
      oparlSince?: string;
      /**
       * Format: uri
       * @description the list of organizations
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/organization
       */
      organization: string;
      /**
       * Format: uri
       * @description the list of papers
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/paper
       */
      paper: string;
      /**
       * Format: uri
       * @description the list of persons (empty)
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/person
       */
      person: string;
      /**
       * @description Regionalschlüssel
       * @example 059130000000
       */
      rgs?: string;
      /**
       * @description OPARL_BODY_SHORT_NAME
       * @example Dortmund
       */
      shortName?: string;
      /**
       * Format: uri
       * @description the System
       * @example https://ledger.example.org/oparl/v1.1/system
       */
      system: string;
      /**
       * @description the OParl type (a schema URL)
       * @example https://schema.oparl.org/1.1/Body
       * @enum {string}
       */
      type: 'https://schema.oparl.org/1.1/Body';
      /**
       * Format: uri
       * @description the same object on a web page
       * @example https://ledger.example.org/
       */
      web?: string;
      /**
       * Format: uri
       * @description OPARL_BODY_WEBSITE
       * @example https://www.dortmund.de/
       */
      website?: string;
    };
    /**
     * @description The list of bodies (System.body): the one Body.
     * @example {
     *       "data": [
     *         {
     *           "id": "https://ledger.example.org/oparl/v1.1/body/municipality",
     *           "type": "https://schema.oparl.org/1.1/Body",
     *           "system": "https://ledger.example.org/oparl/v1.1/system",
     *           "name": "Stadt Dortmund",
     *           "ags": "05913000",
     *           "organization": "https://ledger.example.org/oparl/v1.1/body/municipality/organization",
     *           "person": "https://ledger.example.org/oparl/v1.1/body/municipality/person",
     *           "meeting": "https://ledger.example.org/oparl/v1.1/body/municipality/meeting",
     *           "paper": "https://ledger.example.org/oparl/v1.1/body/municipality/paper",
     *           "legislativeTerm": [],
     *           "agendaItem": "https://ledger.example.org/oparl/v1.1/body/municipality/agendaitem",
     *           "consultation": "https://ledger.example.org/oparl/v1.1/body/municipality/consultation",
     *           "file": "https://ledger.example.org/oparl/v1.1/body/municipality/file",
     *           "locationList": "https://ledger.example.org/oparl/v1.1/body/municipality/locationlist",
     *           "legislativeTermList": "https://ledger.example.org/oparl/v1.1/body/municipality/legislativetermlist",
     *           "membership": "https://ledger.example.org/oparl/v1.1/body/municipality/membership",
     *           "mainOrganization": "https://ledger.example.org/oparl/v1.1/organization/city-council",
     *           "created": "2023-01-10T09:12:00.000Z",
     *           "modified": "2023-02-09T16:40:00.000Z"
     *         }
     *       ],
     *       "pagination": {
     *         "totalElements": 1,
     *         "elementsPerPage": 100,
     *         "currentPage": 1,
     *         "totalPages": 1
     *       },
     *       "links": {
     *         "first": "https://ledger.example.org/oparl/v1.1/body",
     *         "self": "https://ledger.example.org/oparl/v1.1/body",
     *         "last": "https://ledger.example.org/oparl/v1.1/body"
     *       }
     *     }
     */
    OParlBodyList: {
      data: components['schemas']['OParlBody'][];
      links: components['schemas']['OParlListLinks'];
      pagination: components['schemas']['OParlPagination'];
    };
    /**
     * @description One organization’s consultation of a paper.
     * @example {
     *       "id": "https://ledger.example.org/oparl/v1.1/consultation/0470f5a5-63b8-58e3-a264-ff555ac2966f",
     *       "type": "https://schema.oparl.org/1.1/Consultation",
     *       "paper": "https://ledger.example.org/oparl/v1.1/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107",
     *       "agendaItem": "https://ledger.example.org/oparl/v1.1/agendaitem/0470f5a5-63b8-58e3-a264-ff555ac2966f",
     *       "meeting": "https://ledger.example.org/oparl/v1.1/meeting/city-council--2023-02-09",
     *       "organization": [
     *         "https://ledger.example.org/oparl/v1.1/organization/city-council"
     *       ],
     *       "authoritative": true,
     *       "role": "Entscheidung",
     *       "created": "2023-01-10T09:12:00.000Z",
     *       "modified": "2023-02-09T16:40:00.000Z"
     *     }
     */
    OParlConsultation: {
      /**
       * Format: uri
       * @description the AgendaItem (absent when no meeting date is known)
       * @example https://ledger.example.org/oparl/v1.1/agendaitem/0470f5a5-63b8-58e3-a264-ff555ac2966f
       */
      agendaItem?: string;
      /**
       * @description true: this consultation decides the paper
       * @example true
       */
      authoritative?: boolean;
      /**
       * Format: date-time
       * @description when the object was first recorded
       * @example 2023-01-10T09:12:00.000Z
       */
      created?: string;
      /**
       * @description true: the object is gone (a tombstone); absent otherwise
       * @example true
       */
      deleted?: boolean;
      /**
       * Format: uri
       * @description the URL of the object; GET it to read the object
       * @example https://ledger.example.org/oparl/v1.1/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107
       */
      id: string;
      /**
       * @example [
       *       "partnership"
       *     ]
       */
      keyword?: string[];
      /**
       * Format: uri
       * @description the licence of the data (OPARL_LICENSE)
       * @example https://creativecommons.org/licenses/by/4.0/
       */
      license?: string;
      /**
       * Format: uri
       * @description the Meeting (absent when no meeting date is known)
       * @example https://ledger.example.org/oparl/v1.1/meeting/city-council--2023-02-09
       */
      meeting?: string;
      /**
       * Format: date-time
       * @description when it last changed (also when it was deleted)
       * @example 2023-02-09T16:40:00.000Z
       */
      modified?: string;
      /**
       * @example [
       *       "https://ledger.example.org/oparl/v1.1/organization/city-council"
       *     ]
       */
      organization?: string[];
      /**
       * Format: uri
       * @description the Paper
       * @example https://ledger.example.org/oparl/v1.1/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107
       */
      paper?: string;
      /**
       * @description Vorberatung or Entscheidung
       * @example Entscheidung
       */
      role?: string;
      /**
       * @description the OParl type (a schema URL)
       * @example https://schema.oparl.org/1.1/Consultation
       * @enum {string}
       */
      type: 'https://schema.oparl.org/1.1/Consultation';
      /**
       * Format: uri
       * @description the same object on a web page
       * @example https://ledger.example.org/
       */
      web?: string;
    };
    /**
     * @description Page links; they keep the filters and elementsPerPage of the request. No prev on the first page, no next on the last.
     * @example {
     *       "first": "https://ledger.example.org/oparl/v1.1/body/municipality/paper?elementsPerPage=1",
     *       "self": "https://ledger.example.org/oparl/v1.1/body/municipality/paper?elementsPerPage=1",
     *       "next": "https://ledger.example.org/oparl/v1.1/body/municipality/paper?elementsPerPage=1&page=2",
     *       "last": "https://ledger.example.org/oparl/v1.1/body/municipality/paper?elementsPerPage=1&page=2"
     *     }
     */
    OParlListLinks: {
      /**
       * Format: uri
       * @description the first page
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/paper?elementsPerPage=1
       */
      first: string;
      /**
       * Format: uri
       * @description the last page
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/paper?elementsPerPage=1&page=2
       */
      last: string;
      /**
       * Format: uri
       * @description the next page
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/paper?elementsPerPage=1&page=2
       */
      next?: string;
      /**
       * Format: uri
       * @description the previous page
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/paper?elementsPerPage=1
       */
      prev?: string;
      /**
       * Format: uri
       * @description this page
       * @example https://ledger.example.org/oparl/v1.1/body/municipality/paper?elementsPerPage=1
       */
      self: string;
    };
    /**
     * @description A meeting of an organization, with its agenda items embedded.
     * @example {
     *       "id": "https://ledger.example.org/oparl/v1.1/meeting/city-council--2023-02-09",
     *       "type": "https://schema.oparl.org/1.1/Meeting",
     *       "name": "City Council, 9. Februar 2023",
     *       "meetingState": "durchgeführt",
     *       "start": "2023-02-09T00:00:00+01:00",
     *       "organization": [
     *         "https://ledger.example.org/oparl/v1.1/organization/city-council"
     *       ],
     *       "agendaItem": [
     *         {
     *           "id": "https://ledger.example.org/oparl/v1.1/agendaitem/0470f5a5-63b8-58e3-a264-ff555ac2966f",
     *           "type": "https://schema.oparl.org/1.1/AgendaItem",
     *           "meeting": "https://ledger.example.org/oparl/v1.1/meeting/city-council--2023-02-09",
     *           "order": 0,
     *           "name": "Solidarity partnership with Zhytomyr, expandable to official twinning",
     *           "consultation": "https://ledger.example.org/oparl/v1.1/consultation/0470f5a5-63b8-58e3-a264-ff555ac2966f",
     *           "result": "beschlossen",
     *           "created": "2023-01-10T09:12:00.000Z",
     *           "modified": "2023-02-09T16:40:00.000Z"
     *         }
     *       ],
     *       "created": "2023-01-10T09:12:00.000Z",
     *       "modified": "2023-02-09T16:40:00.000Z"
     *     }
     */
    OParlMeeting: {
      /** @description live items first, then tombstones */
      agendaItem?: components['schemas']['OParlAgendaItem'][];
      /**
       * Format: date-time
       * @description when the object was first recorded
       * @example 2023-01-10T09:12:00.000Z
       */
      created?: string;
      /**
       * @description true: the object is gone (a tombstone); absent otherwise
       * @example true
       */
      deleted?: boolean;
      /**
       * Format: uri
       * @description the URL of the object; GET it to read the object
       * @example https://ledger.example.org/oparl/v1.1/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107
       */
      id: string;
      /**
       * @example [
       *       "partnership"
       *     ]
       */
      keyword?: string[];
      /**
       * Format: uri
       * @description the licence of the data (OPARL_LICENSE)
       * @example https://creativecommons.org/licenses/by/4.0/
       */
      license?: string;
      /**
       * @description terminiert (planned) or durchgeführt (held)
       * @example durchgeführt
       */
      meetingState?: string;
      /**
       * Format: date-time
       * @description when it last changed (also when it was deleted)
       * @example 2023-02-09T16:40:00.000Z
       */
      modified?: string;
      /** @example City Council, 9. Februar 2023 */
      name?: string;
      /**
       * @example [
       *       "https://ledger.example.org/oparl/v1.1/organization/city-council"
       *     ]
       */
      organization?: string[];
      /**
       * Format: date-time
       * @description the start of the meeting day (absent when only the month or year is known)
       * @example 2023-02-09T00:00:00+01:00
       */
      start?: string;
      /**
       * @description the OParl type (a schema URL)
       * @example https://schema.oparl.org/1.1/Meeting
       * @enum {string}
       */
      type: 'https://schema.oparl.org/1.1/Meeting';
      /**
       * Format: uri
       * @description the same object on a web page
       * @example https://ledger.example.org/
       */
      web?: string;
    };
    /**
     * @description One page of a Body's list, sorted by id; deleted objects are listed as tombstones. The person, file, location, term and membership lists are always empty.
     * @example {
     *       "data": [
     *         {
     *           "id": "https://ledger.example.org/oparl/v1.1/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107",
     *           "type": "https://schema.oparl.org/1.1/Paper",
     *           "body": "https://ledger.example.org/oparl/v1.1/body/municipality",
     *           "name": "Solidarity partnership with Zhytomyr, expandable to official twinning",
     *           "reference": "DS 2022-0001",
     *           "paperType": "Beschlussvorlage",
     *           "consultation": [
     *             {
     *               "id": "https://ledger.example.org/oparl/v1.1/consultation/0470f5a5-63b8-58e3-a264-ff555ac2966f",
     *               "type": "https://schema.oparl.org/1.1/Consultation",
     *               "paper": "https://ledger.example.org/oparl/v1.1/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107",
     *               "agendaItem": "https://ledger.example.org/oparl/v1.1/agendaitem/0470f5a5-63b8-58e3-a264-ff555ac2966f",
     *               "meeting": "https://ledger.example.org/oparl/v1.1/meeting/city-council--2023-02-09",
     *               "organization": [
     *                 "https://ledger.example.org/oparl/v1.1/organization/city-council"
     *               ],
     *               "authoritative": true,
     *               "role": "Entscheidung",
     *               "created": "2023-01-10T09:12:00.000Z",
     *               "modified": "2023-02-09T16:40:00.000Z"
     *             }
     *           ],
     *           "created": "2023-01-10T09:12:00.000Z",
     *           "modified": "2023-02-09T16:40:00.000Z"
     *         }
     *       ],
     *       "pagination": {
     *         "totalElements": 2,
     *         "elementsPerPage": 1,
     *         "currentPage": 1,
     *         "totalPages": 2
     *       },
     *       "links": {
     *         "first": "https://ledger.example.org/oparl/v1.1/body/municipality/paper?elementsPerPage=1",
     *         "self": "https://ledger.example.org/oparl/v1.1/body/municipality/paper?elementsPerPage=1",
     *         "next": "https://ledger.example.org/oparl/v1.1/body/municipality/paper?elementsPerPage=1&page=2",
     *         "last": "https://ledger.example.org/oparl/v1.1/body/municipality/paper?elementsPerPage=1&page=2"
     *       }
     *     }
     */
    OParlObjectList: {
      /** @description objects of the type the list is for */
      data: (
        | components['schemas']['OParlOrganization']
        | components['schemas']['OParlMeeting']
        | components['schemas']['OParlPaper']
        | components['schemas']['OParlAgendaItem']
        | components['schemas']['OParlConsultation']
      )[];
      links: components['schemas']['OParlListLinks'];
      pagination: components['schemas']['OParlPagination'];
    };
    /**
     * @description A body that deals with papers: the council, a committee, the administrative board.
     * @example {
     *       "id": "https://ledger.example.org/oparl/v1.1/organization/city-council",
     *       "type": "https://schema.oparl.org/1.1/Organization",
     *       "body": "https://ledger.example.org/oparl/v1.1/body/municipality",
     *       "name": "City Council",
     *       "organizationType": "Gremium",
     *       "classification": "Parlament",
     *       "created": "2023-01-10T09:12:00.000Z",
     *       "modified": "2023-02-09T16:40:00.000Z"
     *     }
     */
    OParlOrganization: {
      /**
       * Format: uri
       * @description the Body
       * @example https://ledger.example.org/oparl/v1.1/body/municipality
       */
      body?: string;
      /**
       * @description Parlament, Ausschuss, Hauptorgan …
       * @example Parlament
       */
      classification?: string;
      /**
       * Format: date-time
       * @description when the object was first recorded
       * @example 2023-01-10T09:12:00.000Z
       */
      created?: string;
      /**
       * @description true: the object is gone (a tombstone); absent otherwise
       * @example true
       */
      deleted?: boolean;
      /**
       * Format: uri
       * @description the URL of the object; GET it to read the object
       * @example https://ledger.example.org/oparl/v1.1/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107
       */
      id: string;
      /**
       * @example [
       *       "partnership"
       *     ]
       */
      keyword?: string[];
      /**
       * Format: uri
       * @description the licence of the data (OPARL_LICENSE)
       * @example https://creativecommons.org/licenses/by/4.0/
       */
      license?: string;
      /**
       * Format: date-time
       * @description when it last changed (also when it was deleted)
       * @example 2023-02-09T16:40:00.000Z
       */
      modified?: string;
      /** @example City Council */
      name?: string;
      /** @example Gremium */
      organizationType?: string;
      /**
       * @description the OParl type (a schema URL)
       * @example https://schema.oparl.org/1.1/Organization
       * @enum {string}
       */
      type: 'https://schema.oparl.org/1.1/Organization';
      /**
       * Format: uri
       * @description the same object on a web page
       * @example https://ledger.example.org/
       */
      web?: string;
    };
    /**
     * @example {
     *       "totalElements": 2,
     *       "elementsPerPage": 1,
     *       "currentPage": 1,
     *       "totalPages": 2
     *     }
     */
    OParlPagination: {
      /** @example 1 */
      currentPage: number;
      /** @example 1 */
      elementsPerPage: number;
      /** @example 2 */
      totalElements: number;
      /** @example 2 */
      totalPages: number;
    };
    /**
     * @description A draft resolution, with its consultations embedded.
     * @example {
     *       "id": "https://ledger.example.org/oparl/v1.1/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107",
     *       "type": "https://schema.oparl.org/1.1/Paper",
     *       "body": "https://ledger.example.org/oparl/v1.1/body/municipality",
     *       "name": "Solidarity partnership with Zhytomyr, expandable to official twinning",
     *       "reference": "DS 2022-0001",
     *       "paperType": "Beschlussvorlage",
     *       "consultation": [
     *         {
     *           "id": "https://ledger.example.org/oparl/v1.1/consultation/0470f5a5-63b8-58e3-a264-ff555ac2966f",
     *           "type": "https://schema.oparl.org/1.1/Consultation",
     *           "paper": "https://ledger.example.org/oparl/v1.1/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107",
     *           "agendaItem": "https://ledger.example.org/oparl/v1.1/agendaitem/0470f5a5-63b8-58e3-a264-ff555ac2966f",
     *           "meeting": "https://ledger.example.org/oparl/v1.1/meeting/city-council--2023-02-09",
     *           "organization": [
     *             "https://ledger.example.org/oparl/v1.1/organization/city-council"
     *           ],
     *           "authoritative": true,
     *           "role": "Entscheidung",
     *           "created": "2023-01-10T09:12:00.000Z",
     *           "modified": "2023-02-09T16:40:00.000Z"
     *         }
     *       ],
     *       "created": "2023-01-10T09:12:00.000Z",
     *       "modified": "2023-02-09T16:40:00.000Z"
     *     }
     */
    OParlPaper: {
      /**
       * Format: uri
       * @description the Body
       * @example https://ledger.example.org/oparl/v1.1/body/municipality
       */
      body?: string;
      /** @description live consultations first, then tombstones */
      consultation?: components['schemas']['OParlConsultation'][];
      /**
       * Format: date-time
       * @description when the object was first recorded
       * @example 2023-01-10T09:12:00.000Z
       */
      created?: string;
      /**
       * Format: date
       * @example 2022-12-01
       */
      date?: string;
      /**
       * @description true: the object is gone (a tombstone); absent otherwise
       * @example true
       */
      deleted?: boolean;
      /**
       * Format: uri
       * @description the URL of the object; GET it to read the object
       * @example https://ledger.example.org/oparl/v1.1/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107
       */
      id: string;
      /**
       * @example [
       *       "partnership"
       *     ]
       */
      keyword?: string[];
      /**
       * Format: uri
       * @description the licence of the data (OPARL_LICENSE)
       * @example https://creativecommons.org/licenses/by/4.0/
       */
      license?: string;
      /**
       * Format: date-time
       * @description when it last changed (also when it was deleted)
       * @example 2023-02-09T16:40:00.000Z
       */
      modified?: string;
      /** @example Solidarity partnership with Zhytomyr, expandable to official twinning */
      name?: string;
      /** @example Beschlussvorlage */
      paperType?: string;
      /** @example DS 2022-0001 */
      reference?: string;
      /**
       * @description the OParl type (a schema URL)
       * @example https://schema.oparl.org/1.1/Paper
       * @enum {string}
       */
      type: 'https://schema.oparl.org/1.1/Paper';
      /**
       * Format: uri
       * @description the same object on a web page
       * @example https://ledger.example.org/
       */
      web?: string;
    };
    /**
     * @description The OParl System: the entry point (also at /oparl/v1.1).
     * @example {
     *       "id": "https://ledger.example.org/oparl/v1.1/system",
     *       "type": "https://schema.oparl.org/1.1/System",
     *       "oparlVersion": "https://schema.oparl.org/1.1/",
     *       "body": "https://ledger.example.org/oparl/v1.1/body",
     *       "name": "Partnership Ledger",
     *       "contactEmail": "international@example.org",
     *       "created": "2023-01-10T09:12:00.000Z",
     *       "modified": "2023-02-09T16:40:00.000Z"
     *     }
     */
    OParlSystem: {
      /**
       * Format: uri
       * @description the list of bodies
       * @example https://ledger.example.org/oparl/v1.1/body
       */
      body: string;
      /**
       * Format: email
       * @description OPARL_CONTACT_EMAIL
       * @example international@example.org
       */
      contactEmail?: string;
      /** @example Office for International Relations */
      contactName?: string;
      /**
       * Format: date-time
       * @description when the object was first recorded
       * @example 2023-01-10T09:12:00.000Z
       */
      created?: string;
      /**
       * @description true: the object is gone (a tombstone); absent otherwise
       * @example true
       */
      deleted?: boolean;
      /**
       * Format: uri
       * @description the URL of the object; GET it to read the object
       * @example https://ledger.example.org/oparl/v1.1/paper/90dd31f0-7c75-5689-ba64-2ae5082a0107
       */
      id: string;
      /**
       * @example [
       *       "partnership"
       *     ]
       */
      keyword?: string[];
      /**
       * Format: uri
       * @description the licence of the data (OPARL_LICENSE)
       * @example https://creativecommons.org/licenses/by/4.0/
       */
      license?: string;
      /**
       * Format: date-time
       * @description when it last changed (also when it was deleted)
       * @example 2023-02-09T16:40:00.000Z
       */
      modified?: string;
      /**
       * @description OPARL_SYSTEM_NAME
       * @example Partnership Ledger
       */
      name?: string;
      /**
       * @description the OParl version served
       * @example https://schema.oparl.org/1.1/
       * @enum {string}
       */
      oparlVersion: 'https://schema.oparl.org/1.1/';
      /**
       * Format: uri
       * @description the software
       * @example https://ledger.example.org/
       */
      product?: string;
      /**
       * @description the OParl type (a schema URL)
       * @example https://schema.oparl.org/1.1/System
       * @enum {string}
       */
      type: 'https://schema.oparl.org/1.1/System';
      /**
       * Format: uri
       * @description the vendor of the software
       * @example https://ledger.example.org/
       */
      vendor?: string;
      /**
       * Format: uri
       * @description the same object on a web page
       * @example https://ledger.example.org/
       */
      web?: string;
      /**
       * Format: uri
       * @description the web site of the system
       * @example https://ledger.example.org/
       */
      website?: string;
    };
    /**
     * @description An open obligation of a funding entry, as the status shows it.
     * @example {
     *       "id": "final-report",
     *       "kind": "final_report",
     *       "title": "Final report: proof of use (CERV town twinning)",
     *       "dueDate": "2024-12-31",
     *       "fundingEventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "overdue": false
     *     }
     */
    OpenObligation: {
      /**
       * Format: date
       * @example 2024-12-31
       */
      dueDate: string;
      /**
       * Format: uuid
       * @description the funding entry that imposes it
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      fundingEventId: string;
      /**
       * @description stable within the partnership
       * @example final-report
       */
      id: string;
      /**
       * @description interim_report | final_report | proof_of_use | public_posting | other
       * @example final_report
       */
      kind: string;
      /**
       * Format: date
       * @description the due date first given, when extended
       * @example 2024-09-30
       */
      originalDueDate?: string;
      /**
       * @description the due date lies before the day shown (today unless validAt)
       * @example false
       */
      overdue: boolean;
      /** @example Final report: proof of use (CERV town twinning) */
      title: string;
    };
    /**
     * @description A municipality, district, association or agency that keeps partnerships here.
     * @example {
     *       "id": "3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b",
     *       "slug": "dortmund",
     *       "name": "Stadt Dortmund",
     *       "languages": [
     *         "de",
     *         "en",
     *         "uk"
     *       ],
     *       "settings": {
     *         "oparlBodyName": "Stadt Dortmund",
     *         "iati": {
     *           "ref": "DE-GOV-05913000",
     *           "name": "Stadt Dortmund",
     *           "type": "10"
     *         }
     *       },
     *       "createdAt": "2026-12-01T09:00:00.000Z"
     *     }
     */
    Organisation: {
      /**
       * Format: date-time
       * @example 2026-12-01T09:00:00.000Z
       */
      createdAt: string;
      /**
       * Format: uuid
       * @example 3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b
       */
      id: string;
      /**
       * @description the first is its default language
       * @example [
       *       "de",
       *       "en",
       *       "uk"
       *     ]
       */
      languages: string[];
      /** @example Stadt Dortmund */
      name: string;
      settings: components['schemas']['OrganisationSettings'];
      /**
       * @description short name used in X-Organisation and on the command line
       * @example dortmund
       */
      slug: string;
    };
    /**
     * @description Organisations the caller may see.
     * @example {
     *       "organisations": [
     *         {
     *           "id": "3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b",
     *           "slug": "dortmund",
     *           "name": "Stadt Dortmund",
     *           "languages": [
     *             "de",
     *             "en",
     *             "uk"
     *           ],
     *           "settings": {
     *             "oparlBodyName": "Stadt Dortmund",
     *             "iati": {
     *               "ref": "DE-GOV-05913000",
     *               "name": "Stadt Dortmund",
     *               "type": "10"
     *             }
     *           },
     *           "createdAt": "2026-12-01T09:00:00.000Z"
     *         }
     *       ]
     *     }
     */
    OrganisationList: {
      organisations: components['schemas']['Organisation'][];
    };
    /**
     * @description An organisation's OParl body, IATI reporting organisation and sign-in.
     * @example {
     *       "oparlBodyName": "Stadt Dortmund",
     *       "iati": {
     *         "ref": "DE-GOV-05913000",
     *         "name": "Stadt Dortmund",
     *         "type": "10"
     *       }
     *     }
     */
    OrganisationSettings: {
      iati?: components['schemas']['IatiReportingOrg'];
      /**
       * @description its own OpenID issuer (default: the instance's)
       * @example https://login.dortmund.example/realms/city
       */
      oidcIssuer?: string;
      /**
       * @description the OParl Body name (default: the name)
       * @example Stadt Dortmund
       */
      oparlBodyName?: string;
    };
    /**
     * @example {
     *       "organisation": "Technische Universität Dortmund",
     *       "participantType": "academic",
     *       "side": "own",
     *       "joinedOn": {
     *         "date": "2023",
     *         "precision": "year"
     *       }
     *     }
     */
    Participant: {
      joinedOn: components['schemas']['BusinessDate'];
      /** @example Technische Universität Dortmund */
      organisation: string;
      /** @example academic */
      participantType: string;
      /**
       * @description own | counterpart
       * @example own
       */
      side: string;
    };
    /**
     * @example {
     *       "occurredOn": "2023",
     *       "organisation": "Technische Universität Dortmund",
     *       "participantType": "academic",
     *       "side": "own"
     *     }
     */
    ParticipantDto: {
      /** @description a person to contact about it (personal data: erasable on request) */
      contactPerson?: string;
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      /** @description identifies the participant together with side */
      organisation: string;
      /** @enum {string} */
      participantType: 'civil_society' | 'academic' | 'business' | 'healthcare' | 'school' | 'public_body';
      /** @enum {string} */
      side: 'own' | 'counterpart';
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @example {
     *       "occurredOn": "2024",
     *       "organisation": "Technische Universität Dortmund",
     *       "side": "own",
     *       "reason": "Project completed"
     *     }
     */
    ParticipantLeaveDto: {
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      organisation: string;
      reason?: string;
      /** @enum {string} */
      side: 'own' | 'counterpart';
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description One partnership: now, or as it was on a business date (validAt) / as known at a record time (knownAt).
     * @example {
     *       "partnershipId": "dortmund-zhytomyr",
     *       "version": 24,
     *       "tier": "solidarity",
     *       "standing": "active",
     *       "ownMunicipality": {
     *         "de": "Dortmund",
     *         "uk": "Дортмунд",
     *         "en": "Dortmund"
     *       },
     *       "counterpart": {
     *         "de": "Schytomyr",
     *         "uk": "Житомир",
     *         "en": "Zhytomyr"
     *       },
     *       "counterpartCountry": "UA",
     *       "formerNames": [],
     *       "pendingUpgrade": null,
     *       "currentPaper": {
     *         "reference": "DS 2022-0001",
     *         "title": "Solidarity partnership with Zhytomyr",
     *         "stage": "council_decided",
     *         "proposedTier": "solidarity",
     *         "lastOutcome": "adopted"
     *       },
     *       "nextScheduled": null,
     *       "lastMilestoneOn": {
     *         "date": "2023-08-04",
     *         "precision": "day"
     *       },
     *       "aidDelivered": {
     *         "EUR": "375000.00"
     *       },
     *       "aidCommitted": {
     *         "EUR": "50000.00"
     *       },
     *       "aidReceipts": {
     *         "awaiting": 2,
     *         "partlyConfirmed": 1,
     *         "confirmed": 0
     *       },
     *       "areas": [
     *         "digitalisation",
     *         "culture"
     *       ],
     *       "participantCount": 3,
     *       "agreements": [
     *         {
     *           "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "kind": "solidarity",
     *           "signedOn": {
     *             "date": "2023-02-23",
     *             "precision": "day"
     *           },
     *           "tier": "solidarity",
     *           "mode": "online",
     *           "plannedFor": {
     *             "date": "2023-02-09",
     *             "precision": "day"
     *           }
     *         }
     *       ],
     *       "updatedAt": "2023-08-04T10:15:00.000Z",
     *       "predecessorId": null,
     *       "coordinatingOffice": "Office for International Relations",
     *       "mandateReference": "Council resolution 2022: seek a partnership with a Ukrainian city",
     *       "papers": [
     *         {
     *           "reference": "DS 2022-0001",
     *           "title": "Solidarity partnership with Zhytomyr",
     *           "stage": "council_decided",
     *           "proposedTier": "solidarity",
     *           "lastOutcome": "adopted"
     *         }
     *       ],
     *       "councilDecisions": [
     *         {
     *           "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "decidedOn": {
     *             "date": "2023-02-09",
     *             "precision": "day"
     *           },
     *           "outcome": "adopted",
     *           "paperReference": "DS 2022-0001"
     *         }
     *       ],
     *       "scheduledSignings": [],
     *       "plans": [
     *         {
     *           "uid": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "kind": "ActivityHeld",
     *           "title": "Summer camp in Dortmund for children from Zhytomyr",
     *           "date": {
     *             "date": "2024-07",
     *             "precision": "month"
     *           },
     *           "madeOn": {
     *             "date": "2024-01-15",
     *             "precision": "day"
     *           },
     *           "sequence": 0
     *         }
     *       ],
     *       "participants": [
     *         {
     *           "organisation": "Technische Universität Dortmund",
     *           "participantType": "academic",
     *           "side": "own",
     *           "joinedOn": {
     *             "date": "2023",
     *             "precision": "year"
     *           }
     *         }
     *       ],
     *       "obligations": [
     *         {
     *           "id": "final-report",
     *           "kind": "final_report",
     *           "title": "Final report: proof of use (CERV town twinning)",
     *           "dueDate": "2024-12-31",
     *           "fundingEventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "overdue": false
     *         }
     *       ],
     *       "asOf": null
     *     }
     */
    PartnershipDetail: {
      agreements: components['schemas']['Agreement'][];
      /** @description aid pledged and not yet delivered, per currency */
      aidCommitted: components['schemas']['AmountsByCurrency'];
      /** @description aid delivered, per currency */
      aidDelivered: components['schemas']['AmountsByCurrency'];
      /** @description live deliveries by how much of their receipt is confirmed */
      aidReceipts: components['schemas']['ReceiptCounts'];
      /**
       * @example [
       *       "digitalisation",
       *       "culture"
       *     ]
       */
      areas: string[];
      asOf: components['schemas']['AsOf'] | null;
      /** @example Office for International Relations */
      coordinatingOffice: string | null;
      councilDecisions: components['schemas']['CouncilDecision'][];
      counterpart: components['schemas']['LocalizedName'] | null;
      /**
       * @description ISO 3166-1 alpha-2
       * @example UA
       */
      counterpartCountry: string | null;
      currentPaper: components['schemas']['CurrentPaper'] | null;
      formerNames: components['schemas']['FormerName'][];
      lastMilestoneOn: components['schemas']['BusinessDate'] | null;
      /** @example Council resolution 2022 */
      mandateReference: string | null;
      nextScheduled: components['schemas']['NextScheduled'] | null;
      obligations: components['schemas']['OpenObligation'][];
      ownMunicipality: components['schemas']['LocalizedName'] | null;
      papers: components['schemas']['CurrentPaper'][];
      /** @example 3 */
      participantCount: number;
      participants: components['schemas']['Participant'][];
      /** @example dortmund-zhytomyr */
      partnershipId: string;
      pendingUpgrade: components['schemas']['PendingUpgrade'] | null;
      plans: components['schemas']['Plan'][];
      /**
       * @description the terminated partnership this one restarts
       * @example null
       */
      predecessorId: string | null;
      scheduledSignings: components['schemas']['ScheduledSigning'][];
      /**
       * @description dormant is derived from inactivity, never recorded
       * @example active
       * @enum {string}
       */
      standing: 'active' | 'suspended' | 'terminated' | 'dormant';
      /**
       * @example solidarity
       * @enum {string}
       */
      tier: 'initiative' | 'contact' | 'solidarity' | 'friendship' | 'project_partnership' | 'twinning';
      /**
       * Format: date-time
       * @example 2023-08-04T10:15:00.000Z
       */
      updatedAt: string;
      /**
       * @description the stream version; also the ETag
       * @example 24
       */
      version: number;
    };
    /**
     * @description A partnership's raw audit trail.
     * @example {
     *       "partnershipId": "dortmund-zhytomyr",
     *       "events": [
     *         {
     *           "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "streamId": "dortmund-zhytomyr",
     *           "streamVersion": 4,
     *           "globalPosition": 17,
     *           "transactionId": "7431",
     *           "type": "AidDelivered",
     *           "schemaVersion": 1,
     *           "data": {
     *             "occurredOn": {
     *               "date": "2022-05",
     *               "precision": "month"
     *             },
     *             "receiver": {
     *               "de": "Winnyzja",
     *               "uk": "Вінниця",
     *               "en": "Vinnytsia"
     *             },
     *             "value": {
     *               "amount": "125000.00",
     *               "currency": "EUR"
     *             },
     *             "modality": "in_kind",
     *             "items": [
     *               "generators"
     *             ],
     *             "sector": "energy"
     *           },
     *           "metadata": {
     *             "actor": "Office for International Relations",
     *             "role": "office",
     *             "keyId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *             "requestId": "0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10",
     *             "correlationId": "0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10",
     *             "causationId": "0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10",
     *             "source": "api"
     *           },
     *           "occurredAt": "2022-05-01T00:00:00.000Z",
     *           "recordedAt": "2022-06-01T08:00:00.000Z",
     *           "prevHash": "c0a7f3…",
     *           "hash": "5be2d1…"
     *         }
     *       ]
     *     }
     */
    PartnershipEvents: {
      events: components['schemas']['StoredEvent'][];
      /** @example dortmund-zhytomyr */
      partnershipId: string;
    };
    /**
     * @description A page of partnerships; follow nextCursor for the next one (null: the last page).
     * @example {
     *       "items": [
     *         {
     *           "partnershipId": "dortmund-zhytomyr",
     *           "version": 24,
     *           "tier": "solidarity",
     *           "standing": "active",
     *           "ownMunicipality": {
     *             "de": "Dortmund",
     *             "uk": "Дортмунд",
     *             "en": "Dortmund"
     *           },
     *           "counterpart": {
     *             "de": "Schytomyr",
     *             "uk": "Житомир",
     *             "en": "Zhytomyr"
     *           },
     *           "counterpartCountry": "UA",
     *           "formerNames": [],
     *           "pendingUpgrade": null,
     *           "currentPaper": {
     *             "reference": "DS 2022-0001",
     *             "title": "Solidarity partnership with Zhytomyr",
     *             "stage": "council_decided",
     *             "proposedTier": "solidarity",
     *             "lastOutcome": "adopted"
     *           },
     *           "nextScheduled": null,
     *           "lastMilestoneOn": {
     *             "date": "2023-08-04",
     *             "precision": "day"
     *           },
     *           "aidDelivered": {
     *             "EUR": "375000.00"
     *           },
     *           "aidCommitted": {
     *             "EUR": "50000.00"
     *           },
     *           "aidReceipts": {
     *             "awaiting": 2,
     *             "partlyConfirmed": 1,
     *             "confirmed": 0
     *           },
     *           "areas": [
     *             "digitalisation",
     *             "culture"
     *           ],
     *           "participantCount": 3,
     *           "agreements": [
     *             {
     *               "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *               "kind": "solidarity",
     *               "signedOn": {
     *                 "date": "2023-02-23",
     *                 "precision": "day"
     *               },
     *               "tier": "solidarity",
     *               "mode": "online",
     *               "plannedFor": {
     *                 "date": "2023-02-09",
     *                 "precision": "day"
     *               }
     *             }
     *           ],
     *           "updatedAt": "2023-08-04T10:15:00.000Z"
     *         }
     *       ],
     *       "nextCursor": null
     *     }
     */
    PartnershipPage: {
      items: components['schemas']['PartnershipSummary'][];
      /** @example WyIyMDIzLTA4LTA0VDEwOjE1OjAwWiIsImRvcnRtdW5kLXpoeXRvbXlyIl0 */
      nextCursor: string | null;
    };
    /**
     * @description Where the partnership stood when the command was refused.
     * @example {
     *       "tier": "contact",
     *       "standing": "suspended"
     *     }
     */
    PartnershipState: {
      /**
       * @description a tier the council adopted, waiting for its signing
       * @example solidarity
       * @enum {string}
       */
      pendingUpgrade?: 'initiative' | 'contact' | 'solidarity' | 'friendship' | 'project_partnership' | 'twinning';
      /**
       * @example suspended
       * @enum {string|null}
       */
      standing: 'active' | 'suspended' | 'terminated' | null;
      /**
       * @example contact
       * @enum {string|null}
       */
      tier: 'initiative' | 'contact' | 'solidarity' | 'friendship' | 'project_partnership' | 'twinning' | null;
    };
    /**
     * @description A partnership as the list shows it.
     * @example {
     *       "partnershipId": "dortmund-zhytomyr",
     *       "version": 24,
     *       "tier": "solidarity",
     *       "standing": "active",
     *       "ownMunicipality": {
     *         "de": "Dortmund",
     *         "uk": "Дортмунд",
     *         "en": "Dortmund"
     *       },
     *       "counterpart": {
     *         "de": "Schytomyr",
     *         "uk": "Житомир",
     *         "en": "Zhytomyr"
     *       },
     *       "counterpartCountry": "UA",
     *       "formerNames": [],
     *       "pendingUpgrade": null,
     *       "currentPaper": {
     *         "reference": "DS 2022-0001",
     *         "title": "Solidarity partnership with Zhytomyr",
     *         "stage": "council_decided",
     *         "proposedTier": "solidarity",
     *         "lastOutcome": "adopted"
     *       },
     *       "nextScheduled": null,
     *       "lastMilestoneOn": {
     *         "date": "2023-08-04",
     *         "precision": "day"
     *       },
     *       "aidDelivered": {
     *         "EUR": "375000.00"
     *       },
     *       "aidCommitted": {
     *         "EUR": "50000.00"
     *       },
     *       "aidReceipts": {
     *         "awaiting": 2,
     *         "partlyConfirmed": 1,
     *         "confirmed": 0
     *       },
     *       "areas": [
     *         "digitalisation",
     *         "culture"
     *       ],
     *       "participantCount": 3,
     *       "agreements": [
     *         {
     *           "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "kind": "solidarity",
     *           "signedOn": {
     *             "date": "2023-02-23",
     *             "precision": "day"
     *           },
     *           "tier": "solidarity",
     *           "mode": "online",
     *           "plannedFor": {
     *             "date": "2023-02-09",
     *             "precision": "day"
     *           }
     *         }
     *       ],
     *       "updatedAt": "2023-08-04T10:15:00.000Z"
     *     }
     */
    PartnershipSummary: {
      agreements: components['schemas']['Agreement'][];
      /** @description aid pledged and not yet delivered, per currency */
      aidCommitted: components['schemas']['AmountsByCurrency'];
      /** @description aid delivered, per currency */
      aidDelivered: components['schemas']['AmountsByCurrency'];
      /** @description live deliveries by how much of their receipt is confirmed */
      aidReceipts: components['schemas']['ReceiptCounts'];
      /**
       * @example [
       *       "digitalisation",
       *       "culture"
       *     ]
       */
      areas: string[];
      counterpart: components['schemas']['LocalizedName'] | null;
      /**
       * @description ISO 3166-1 alpha-2
       * @example UA
       */
      counterpartCountry: string | null;
      currentPaper: components['schemas']['CurrentPaper'] | null;
      formerNames: components['schemas']['FormerName'][];
      lastMilestoneOn: components['schemas']['BusinessDate'] | null;
      nextScheduled: components['schemas']['NextScheduled'] | null;
      ownMunicipality: components['schemas']['LocalizedName'] | null;
      /** @example 3 */
      participantCount: number;
      /** @example dortmund-zhytomyr */
      partnershipId: string;
      pendingUpgrade: components['schemas']['PendingUpgrade'] | null;
      /**
       * @description dormant is derived from inactivity, never recorded
       * @example active
       * @enum {string}
       */
      standing: 'active' | 'suspended' | 'terminated' | 'dormant';
      /**
       * @example solidarity
       * @enum {string}
       */
      tier: 'initiative' | 'contact' | 'solidarity' | 'friendship' | 'project_partnership' | 'twinning';
      /**
       * Format: date-time
       * @example 2023-08-04T10:15:00.000Z
       */
      updatedAt: string;
      /**
       * @description the stream version; also the ETag
       * @example 24
       */
      version: number;
    };
    /**
     * @description A higher tier the council adopted, waiting for its signed agreement.
     * @example {
     *       "tier": "solidarity",
     *       "decidedOn": {
     *         "date": "2023-02-09",
     *         "precision": "day"
     *       },
     *       "paperReference": "DS 2022-0001"
     *     }
     */
    PendingUpgrade: {
      decidedOn: components['schemas']['BusinessDate'];
      /** @example DS 2022-0001 */
      paperReference?: string;
      /** @example R 2023/017 */
      resolutionReference?: string;
      /**
       * @example solidarity
       * @enum {string}
       */
      tier: 'initiative' | 'contact' | 'solidarity' | 'friendship' | 'project_partnership' | 'twinning';
    };
    /**
     * @description A live plan: a signing, consultation or activity still ahead or overdue.
     * @example {
     *       "uid": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "kind": "ActivityHeld",
     *       "title": "Summer camp in Dortmund for children from Zhytomyr",
     *       "date": {
     *         "date": "2024-07",
     *         "precision": "month"
     *       },
     *       "madeOn": {
     *         "date": "2024-01-15",
     *         "precision": "day"
     *       },
     *       "sequence": 0
     *     }
     */
    Plan: {
      /** @description the planned date */
      date: components['schemas']['BusinessDate'];
      /**
       * Format: uuid
       * @description the current plan entry
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      eventId: string;
      /**
       * @description the event type
       * @example ActivityHeld
       */
      kind: string;
      /** @description when the plan was made */
      madeOn: components['schemas']['BusinessDate'];
      /** @example in_person */
      mode?: string;
      /**
       * @description grows with each reschedule, correction or cancellation
       * @example 0
       */
      sequence: number;
      /** @example Summer camp in Dortmund for children from Zhytomyr */
      title: string;
      /**
       * Format: uuid
       * @description stable through reschedules
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      uid: string;
      /** @example Dortmund */
      venue?: string;
    };
    /**
     * @description How a plan entry ended up: still open, rescheduled, fulfilled (by which entry) or cancelled.
     * @example {
     *       "uid": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "status": "fulfilled",
     *       "fulfilledBy": "01956f0e-7000-7c3e-9f2d-3a4b5c6d7e8f"
     *     }
     */
    PlanAnnotation: {
      /**
       * Format: uuid
       * @description the entry that fulfilled it
       * @example 01956f0e-7000-7c3e-9f2d-3a4b5c6d7e8f
       */
      fulfilledBy?: string;
      /**
       * @example fulfilled
       * @enum {string}
       */
      status: 'open' | 'rescheduled' | 'fulfilled' | 'cancelled';
      /**
       * Format: uuid
       * @description the plan, stable through reschedules
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      uid: string;
    };
    /**
     * @description RFC 9457 problem details, sent as application/problem+json. `code` is stable and meant for programs; other members are extensions of the problem type.
     * @example {
     *       "type": "urn:partnership-ledger:problem:validation-failed",
     *       "title": "Invalid request",
     *       "status": 400,
     *       "detail": "The request has 1 invalid field: value.amount must have at most 2 decimals for EUR.",
     *       "code": "validation_failed",
     *       "instance": "/api/v1/partnerships/dortmund-zhytomyr/aid-deliveries",
     *       "errors": [
     *         {
     *           "field": "value.amount",
     *           "reason": "must have at most 2 decimals for EUR"
     *         }
     *       ],
     *       "requestId": "0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10"
     *     }
     */
    Problem: {
      /**
       * @description stable machine-readable code
       * @example validation_failed
       */
      code: string;
      /**
       * @description what went wrong and what to do, for people
       * @example The request has 1 invalid field: value.amount must have at most 2 decimals for EUR.
       */
      detail: string;
      /** @description one entry per invalid field */
      errors?: components['schemas']['FieldError'][];
      /**
       * @description the request path
       * @example /api/v1/partnerships/dortmund-zhytomyr/aid-deliveries
       */
      instance?: string;
      /**
       * @description the X-Request-Id of the request, for support
       * @example 0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10
       */
      requestId?: string;
      /** @example 400 */
      status: number;
      /** @example Invalid request */
      title: string;
      /**
       * @description a URN naming the problem type
       * @example urn:partnership-ledger:problem:validation-failed
       */
      type: string;
    } & {
      [key: string]: unknown;
    };
    /**
     * @example {
     *       "name": "partnerships",
     *       "activeVersion": 2,
     *       "checkpoint": {
     *         "transactionId": "7431",
     *         "position": 17
     *       },
     *       "behind": 0,
     *       "lagSeconds": 0,
     *       "rebuilding": null,
     *       "running": true,
     *       "lastError": null
     *     }
     */
    ProjectionStatus: {
      /** @example 2 */
      activeVersion: number;
      /**
       * @description events recorded but not yet applied
       * @example 0
       */
      behind: number;
      checkpoint: components['schemas']['Checkpoint'];
      /**
       * @description age of the oldest event not yet applied
       * @example 0
       */
      lagSeconds: number;
      /** @example null */
      lastError: string | null;
      /** @example partnerships */
      name: string;
      rebuilding: components['schemas']['RebuildProgress'] | null;
      /**
       * @description whether this process runs the projection
       * @example true
       */
      running: boolean;
    };
    /**
     * @description Each dependency by name (postgres, redis, projections, reporting …).
     * @example {
     *       "status": "ok",
     *       "info": {
     *         "postgres": {
     *           "status": "up"
     *         },
     *         "redis": {
     *           "status": "up"
     *         }
     *       },
     *       "error": {},
     *       "details": {
     *         "postgres": {
     *           "status": "up"
     *         },
     *         "redis": {
     *           "status": "up"
     *         }
     *       }
     *     }
     */
    Readiness: {
      /**
       * @description every dependency
       * @example {
       *       "postgres": {
       *         "status": "up"
       *       },
       *       "redis": {
       *         "status": "up"
       *       }
       *     }
       */
      details: {
        [key: string]: components['schemas']['DependencyHealth'];
      };
      /**
       * @description the dependencies that are down
       * @example {
       *       "postgres": {
       *         "status": "up"
       *       },
       *       "redis": {
       *         "status": "up"
       *       }
       *     }
       */
      error?: {
        [key: string]: components['schemas']['DependencyHealth'];
      };
      /**
       * @description the dependencies that are up
       * @example {
       *       "postgres": {
       *         "status": "up"
       *       },
       *       "redis": {
       *         "status": "up"
       *       }
       *     }
       */
      info?: {
        [key: string]: components['schemas']['DependencyHealth'];
      };
      /**
       * @example ok
       * @enum {string}
       */
      status: 'ok' | 'error' | 'degraded' | 'shutting_down';
    };
    /**
     * @example {
     *       "jobId": "42",
     *       "projection": "partnerships",
     *       "status": "queued",
     *       "progressUrl": "/api/v1/projections"
     *     }
     */
    RebuildAccepted: {
      /**
       * @description the BullMQ job id
       * @example 42
       */
      jobId?: string;
      /**
       * @description where the progress shows
       * @example /api/v1/projections
       */
      progressUrl: string;
      /** @example partnerships */
      projection: string;
      /**
       * @example queued
       * @enum {string}
       */
      status: 'queued';
    };
    /**
     * @description A rebuild beside the live projection.
     * @example {
     *       "version": 3,
     *       "done": 1200,
     *       "total": 5000,
     *       "eventsPerSecond": 850,
     *       "startedAt": "2024-05-02T10:00:00.000Z",
     *       "error": null,
     *       "ownerAlive": true
     *     }
     */
    RebuildProgress: {
      /** @example 1200 */
      done: number;
      /**
       * @description why the last rebuild failed
       * @example null
       */
      error: string | null;
      /** @example 850 */
      eventsPerSecond: number;
      /**
       * @description whether the process building it still holds the rebuild lock; false means the next request cleans up and starts over
       * @example true
       */
      ownerAlive: boolean | null;
      /**
       * Format: date-time
       * @example 2024-05-02T10:00:00.000Z
       */
      startedAt: string;
      /** @example 5000 */
      total: number;
      /**
       * @description the version being built
       * @example 3
       */
      version: number;
    };
    /**
     * @description A delivery's receipt: awaiting confirmation, partly confirmed or confirmed, with the confirmations.
     * @example {
     *       "status": "partly_confirmed",
     *       "receivedOn": {
     *         "date": "2022-05-20",
     *         "precision": "day"
     *       },
     *       "confirmations": [
     *         {
     *           "eventId": "0195a1c2-7d3e-7f10-8a2b-1c2d3e4f5a6b",
     *           "receivedOn": {
     *             "date": "2022-05-20",
     *             "precision": "day"
     *           },
     *           "received": "part",
     *           "discrepancies": "Two of the twelve generators arrived damaged.",
     *           "documentReference": "Acceptance certificate 17/2022"
     *         }
     *       ]
     *     }
     */
    Receipt: {
      confirmations: components['schemas']['ReceiptConfirmation'][];
      /** @description the day it arrived in full, else the latest day a part arrived; null while awaiting confirmation */
      receivedOn: components['schemas']['BusinessDate'] | null;
      /**
       * @example partly_confirmed
       * @enum {string}
       */
      status: 'awaiting' | 'partly_confirmed' | 'confirmed';
    };
    /**
     * @description One confirmation of what of a delivery arrived.
     * @example {
     *       "eventId": "0195a1c2-7d3e-7f10-8a2b-1c2d3e4f5a6b",
     *       "receivedOn": {
     *         "date": "2022-05-20",
     *         "precision": "day"
     *       },
     *       "received": "part",
     *       "discrepancies": "Two of the twelve generators arrived damaged.",
     *       "documentReference": "Acceptance certificate 17/2022"
     *     }
     */
    ReceiptConfirmation: {
      /** @example Two of the twelve generators arrived damaged. */
      discrepancies?: string;
      /** @example Acceptance certificate 17/2022 */
      documentReference?: string;
      /**
       * Format: uuid
       * @description the AidReceiptConfirmed entry
       * @example 0195a1c2-7d3e-7f10-8a2b-1c2d3e4f5a6b
       */
      eventId: string;
      /**
       * @example part
       * @enum {string}
       */
      received: 'all' | 'part';
      /** @description the day it arrived */
      receivedOn: components['schemas']['BusinessDate'];
    };
    /**
     * @description How many live deliveries await confirmation, are partly confirmed or confirmed.
     * @example {
     *       "awaiting": 2,
     *       "partlyConfirmed": 1,
     *       "confirmed": 0
     *     }
     */
    ReceiptCounts: {
      /** @example 2 */
      awaiting: number;
      /** @example 0 */
      confirmed: number;
      /** @example 1 */
      partlyConfirmed: number;
    };
    /**
     * @description The organisation whose member or key recorded an entry, and its side of the partnership.
     * @example {
     *       "organisation": "dortmund",
     *       "side": "own"
     *     }
     */
    RecordedBy: {
      /**
       * @description the organisation's slug
       * @example dortmund
       */
      organisation: string;
      /**
       * @example own
       * @enum {string}
       */
      side: 'own' | 'partner';
    };
    /**
     * @example {
     *       "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "type": "AidDelivered",
     *       "streamVersion": 4
     *     }
     */
    RecordedEntry: {
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      eventId: string;
      /** @example 4 */
      streamVersion: number;
      /**
       * @description the event type
       * @example AidDelivered
       */
      type: string;
    };
    /**
     * @example {
     *       "occurredOn": "2023-05",
     *       "name": {
     *         "de": "Schytomyr"
     *       },
     *       "reason": "Official German spelling"
     *     }
     */
    RenameCounterpartDto: {
      /** @description languages given replace the old spelling; languages left out keep theirs */
      name: components['schemas']['LocalizedNameInput'];
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      reason?: string;
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description A requested report: its state, and its files once completed.
     * @example {
     *       "id": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "type": "aid_summary",
     *       "parameters": {
     *         "from": "2022-01-01",
     *         "to": "2022-12-31",
     *         "kind": "delivered"
     *       },
     *       "status": "completed",
     *       "progress": 100,
     *       "error": null,
     *       "errorKind": null,
     *       "nextAttemptAt": null,
     *       "attempts": 1,
     *       "requestedBy": "Office for International Relations",
     *       "createdAt": "2025-02-03T14:12:00.000Z",
     *       "startedAt": "2025-02-03T14:12:01.000Z",
     *       "finishedAt": "2025-02-03T14:12:03.000Z",
     *       "summary": {
     *         "deliveries": 2,
     *         "totals": {
     *           "EUR": "250000.00"
     *         }
     *       },
     *       "formats": [
     *         "csv",
     *         "json"
     *       ],
     *       "files": [
     *         {
     *           "format": "csv",
     *           "mediaType": "text/csv; charset=utf-8",
     *           "fileName": "aid-summary-2022.csv",
     *           "byteSize": 2048,
     *           "href": "/api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f/download?format=csv"
     *         }
     *       ],
     *       "links": {
     *         "self": "/api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *         "download": "/api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f/download"
     *       }
     *     }
     */
    Report: {
      /** @example 1 */
      attempts: number;
      /**
       * Format: date-time
       * @example 2025-02-03T14:12:00.000Z
       */
      createdAt: string;
      /** @example null */
      error: string | null;
      /**
       * @description transient: being retried; unexpected: retried a few times; permanent: given up
       * @example null
       * @enum {string|null}
       */
      errorKind: 'transient' | 'permanent' | 'unexpected' | null;
      files: components['schemas']['ReportFile'][];
      /**
       * Format: date-time
       * @example 2025-02-03T14:12:03.000Z
       */
      finishedAt: string | null;
      /**
       * @example [
       *       "csv",
       *       "json"
       *     ]
       */
      formats: ('html' | 'pdf' | 'json' | 'csv' | 'xml')[];
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      id: string;
      links: components['schemas']['ReportLinks'];
      /**
       * Format: date-time
       * @example null
       */
      nextAttemptAt: string | null;
      /**
       * @description the parameters it was made with
       * @example {
       *       "from": "2022-01-01",
       *       "to": "2022-12-31",
       *       "kind": "delivered"
       *     }
       */
      parameters: {
        [key: string]: unknown;
      };
      /** @example 100 */
      progress: number;
      /** @example Office for International Relations */
      requestedBy: string;
      /**
       * Format: date-time
       * @example 2025-02-03T14:12:01.000Z
       */
      startedAt: string | null;
      /**
       * @example completed
       * @enum {string}
       */
      status: 'queued' | 'running' | 'completed' | 'failed';
      /**
       * @example {
       *       "deliveries": 2,
       *       "totals": {
       *         "EUR": "250000.00"
       *       }
       *     }
       */
      summary: {
        [key: string]: unknown;
      } | null;
      /**
       * @example aid_summary
       * @enum {string}
       */
      type: 'dossier' | 'aid_summary' | 'office_digest' | 'reminders' | 'aid_iati';
    };
    /**
     * @description Queued; poll links.self (also the Location header).
     * @example {
     *       "id": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "status": "queued",
     *       "type": "aid_summary",
     *       "links": {
     *         "self": "/api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *         "download": "/api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f/download"
     *       }
     *     }
     */
    ReportAccepted: {
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      id: string;
      links: components['schemas']['ReportLinks'];
      /**
       * @example queued
       * @enum {string}
       */
      status: 'queued' | 'running' | 'completed' | 'failed';
      /**
       * @example aid_summary
       * @enum {string}
       */
      type: 'dossier' | 'aid_summary' | 'office_digest' | 'reminders' | 'aid_iati';
    };
    /**
     * @example {
     *       "format": "csv",
     *       "mediaType": "text/csv; charset=utf-8",
     *       "fileName": "aid-summary-2022.csv",
     *       "byteSize": 2048,
     *       "href": "/api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f/download?format=csv"
     *     }
     */
    ReportFile: {
      /** @example 2048 */
      byteSize: number;
      /** @example aid-summary-2022.csv */
      fileName: string;
      /**
       * @example csv
       * @enum {string}
       */
      format: 'html' | 'pdf' | 'json' | 'csv' | 'xml';
      /** @example /api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f/download?format=csv */
      href: string;
      /** @example text/csv; charset=utf-8 */
      mediaType: string;
    };
    /**
     * @example {
     *       "self": "/api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "download": "/api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f/download"
     *     }
     */
    ReportLinks: {
      /**
       * @description the type's first format; add ?format= for another
       * @example /api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f/download
       */
      download: string;
      /** @example /api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f */
      self: string;
    };
    /**
     * @description Reports, newest first; follow nextCursor (null: the last page).
     * @example {
     *       "items": [
     *         {
     *           "id": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "type": "aid_summary",
     *           "parameters": {
     *             "from": "2022-01-01",
     *             "to": "2022-12-31",
     *             "kind": "delivered"
     *           },
     *           "status": "completed",
     *           "progress": 100,
     *           "error": null,
     *           "errorKind": null,
     *           "nextAttemptAt": null,
     *           "attempts": 1,
     *           "requestedBy": "Office for International Relations",
     *           "createdAt": "2025-02-03T14:12:00.000Z",
     *           "startedAt": "2025-02-03T14:12:01.000Z",
     *           "finishedAt": "2025-02-03T14:12:03.000Z",
     *           "summary": {
     *             "deliveries": 2,
     *             "totals": {
     *               "EUR": "250000.00"
     *             }
     *           },
     *           "formats": [
     *             "csv",
     *             "json"
     *           ],
     *           "files": [
     *             {
     *               "format": "csv",
     *               "mediaType": "text/csv; charset=utf-8",
     *               "fileName": "aid-summary-2022.csv",
     *               "byteSize": 2048,
     *               "href": "/api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f/download?format=csv"
     *             }
     *           ],
     *           "links": {
     *             "self": "/api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *             "download": "/api/v1/reports/01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f/download"
     *           }
     *         }
     *       ],
     *       "nextCursor": null
     *     }
     */
    ReportPage: {
      items: components['schemas']['Report'][];
      /** @example null */
      nextCursor: string | null;
    };
    /**
     * @description dossier: partnershipId (required). aid_summary: from, to (YYYY, YYYY-MM or YYYY-MM-DD), partnershipId, currency, kind. office_digest: since, days. reminders: days, stalledAfterDays.
     * @example {
     *       "from": "2022-01-01",
     *       "to": "2022-12-31",
     *       "kind": "delivered"
     *     }
     */
    ReportParameters: {
      /**
       * @description aid_summary: ISO 4217
       * @example EUR
       */
      currency?: string;
      /**
       * @description office_digest, reminders: days ahead
       * @example 14
       */
      days?: number;
      /**
       * @description aid_summary: first day (YYYY, YYYY-MM or YYYY-MM-DD)
       * @example 2022-01-01
       */
      from?: string;
      /**
       * @description aid_summary (default delivered)
       * @example delivered
       * @enum {string}
       */
      kind?: 'delivered' | 'committed';
      /** @example dortmund-zhytomyr */
      partnershipId?: string;
      /**
       * Format: date-time
       * @description office_digest: changes since
       * @example 2025-07-01T00:00:00Z
       */
      since?: string;
      /**
       * @description reminders: a paper counts as stalled after
       * @example 180
       */
      stalledAfterDays?: number;
      /**
       * @description aid_summary: last day (YYYY, YYYY-MM or YYYY-MM-DD)
       * @example 2022-12-31
       */
      to?: string;
    };
    /**
     * @example {
     *       "type": "aid_summary",
     *       "parameters": {
     *         "from": "2022-01-01",
     *         "to": "2022-12-31",
     *         "kind": "delivered"
     *       }
     *     }
     */
    ReportRequest: {
      parameters?: components['schemas']['ReportParameters'];
      /**
       * @example aid_summary
       * @enum {string}
       */
      type: 'dossier' | 'aid_summary' | 'office_digest' | 'reminders' | 'aid_iati';
    };
    /**
     * @example {
     *       "occurredOn": "2024-04",
     *       "reason": "Contact restored"
     *     }
     */
    ResumptionDto: {
      decisionReference?: string;
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      reason?: string;
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @example {
     *       "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "reason": "Recorded for the wrong partnership.",
     *       "recordedAt": "2023-03-01T09:30:00.000Z",
     *       "actor": "Office for International Relations"
     *     }
     */
    Retraction: {
      /** @example Office for International Relations */
      actor: string | null;
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      eventId: string;
      /** @example Recorded for the wrong partnership. */
      reason: string;
      /**
       * Format: date-time
       * @example 2023-03-01T09:30:00.000Z
       */
      recordedAt: string;
    };
    /**
     * @example {
     *       "reason": "Recorded for the wrong partnership."
     *     }
     */
    RetractionDto: {
      reason: string;
    };
    /**
     * @description The new key, and the key it replaces (working until the grace period ends).
     * @example {
     *       "id": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "name": "Office for International Relations",
     *       "role": "office",
     *       "state": "active",
     *       "createdAt": "2025-01-31T09:00:00.000Z",
     *       "lastUsedAt": "2025-02-03T14:12:00.000Z",
     *       "expiresAt": "2025-05-01T09:00:00.000Z",
     *       "revokedAt": null,
     *       "rotatedAt": null,
     *       "replacedBy": null,
     *       "organisation": "dortmund",
     *       "key": "pl_4f9c2d7e1a6b3c8d5e0f7a2b9c4d1e6f",
     *       "replaces": {
     *         "id": "01956f0e-0000-7c3e-9f2d-3a4b5c6d7e8f",
     *         "name": "Office for International Relations",
     *         "role": "office",
     *         "state": "rotating",
     *         "createdAt": "2025-01-31T09:00:00.000Z",
     *         "lastUsedAt": "2025-02-03T14:12:00.000Z",
     *         "expiresAt": "2025-05-01T09:00:00.000Z",
     *         "revokedAt": null,
     *         "rotatedAt": null,
     *         "replacedBy": null,
     *         "organisation": "dortmund"
     *       }
     *     }
     */
    RotatedApiKey: {
      /**
       * Format: date-time
       * @example 2025-01-31T09:00:00.000Z
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description when it stops working
       * @example 2025-05-01T09:00:00.000Z
       */
      expiresAt: string | null;
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      id: string;
      /**
       * @description send it as "Authorization: Bearer <key>"; it is not stored and cannot be shown again
       * @example pl_4f9c2d7e1a6b3c8d5e0f7a2b9c4d1e6f
       */
      key: string;
      /**
       * Format: date-time
       * @example 2025-02-03T14:12:00.000Z
       */
      lastUsedAt: string | null;
      /**
       * @description who holds it; recorded as the actor of every event it writes
       * @example Office for International Relations
       */
      name: string;
      /**
       * @description the slug of the one organisation the key acts for
       * @example dortmund
       */
      organisation: string;
      /**
       * Format: uuid
       * @description the key that replaced it by rotation
       * @example null
       */
      replacedBy: string | null;
      replaces: components['schemas']['ApiKey'];
      /**
       * Format: date-time
       * @example null
       */
      revokedAt: string | null;
      /**
       * @example office
       * @enum {string}
       */
      role: 'office' | 'council' | 'reporting' | 'admin';
      /**
       * Format: date-time
       * @example null
       */
      rotatedAt: string | null;
      /**
       * @example active
       * @enum {string}
       */
      state: 'active' | 'rotating' | 'rotated' | 'expired' | 'revoked';
    };
    /**
     * @example {
     *       "grace": "7d",
     *       "expiresIn": "90d"
     *     }
     */
    RotateKeyDto: {
      /**
       * @description Lifetime of the new key; by default as long as the old key was given.
       * @example 90d
       */
      expiresIn?: string;
      /**
       * @description How long the old key keeps working (default 7d; 0d stops it at once).
       * @example 7d
       */
      grace?: string;
    };
    /**
     * @description A signing still planned.
     * @example {
     *       "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "plannedOn": {
     *         "date": "2023-02-09",
     *         "precision": "day"
     *       },
     *       "agreementKind": "solidarity",
     *       "mode": "council_session"
     *     }
     */
    ScheduledSigning: {
      /** @example solidarity */
      agreementKind?: string;
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      eventId: string;
      /** @example council_session */
      mode?: string;
      /** @description the planned date */
      plannedOn: components['schemas']['BusinessDate'];
      /** @example Dortmund City Hall */
      venue?: string;
    };
    /**
     * @description Who signed, for which side.
     * @example {
     *       "name": "Thomas Westphal",
     *       "role": "Lord Mayor of Dortmund",
     *       "side": "own"
     *     }
     */
    Signatory: {
      name: string;
      role?: string;
      /** @enum {string} */
      side?: 'own' | 'counterpart';
    };
    /**
     * @example {
     *       "occurredOn": "2023-02-09",
     *       "agreementKind": "solidarity",
     *       "mode": "council_session",
     *       "venue": "Dortmund City Hall"
     *     }
     */
    SigningScheduleDto: {
      /** @enum {string} */
      agreementKind?: 'letter_of_intent' | 'solidarity' | 'cooperation' | 'project' | 'twinning_charter';
      /** @description for a plan: the day it was made (default: the day it is recorded, or the planned day if that is earlier) */
      madeOn?: components['schemas']['BusinessDateInput'];
      /** @enum {string} */
      mode?: 'in_person' | 'online' | 'council_session';
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      source?: components['schemas']['Source'];
      venue?: string;
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description Where a milestone is documented: a paper or file reference and/or a link.
     * @example {
     *       "reference": "DS 2022-0001",
     *       "url": "https://ratsinfo.dortmund.de/"
     *     }
     */
    Source: {
      /** @description document or paper reference */
      reference?: string;
      url?: string;
    };
    /**
     * @description An event as the store keeps it, with its place in the hash chain.
     * @example {
     *       "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "streamId": "dortmund-zhytomyr",
     *       "streamVersion": 4,
     *       "globalPosition": 17,
     *       "transactionId": "7431",
     *       "type": "AidDelivered",
     *       "schemaVersion": 1,
     *       "data": {
     *         "occurredOn": {
     *           "date": "2022-05",
     *           "precision": "month"
     *         },
     *         "receiver": {
     *           "de": "Winnyzja",
     *           "uk": "Вінниця",
     *           "en": "Vinnytsia"
     *         },
     *         "value": {
     *           "amount": "125000.00",
     *           "currency": "EUR"
     *         },
     *         "modality": "in_kind",
     *         "items": [
     *           "generators"
     *         ],
     *         "sector": "energy"
     *       },
     *       "metadata": {
     *         "actor": "Office for International Relations",
     *         "role": "office",
     *         "keyId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *         "requestId": "0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10",
     *         "correlationId": "0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10",
     *         "causationId": "0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10",
     *         "source": "api"
     *       },
     *       "occurredAt": "2022-05-01T00:00:00.000Z",
     *       "recordedAt": "2022-06-01T08:00:00.000Z",
     *       "prevHash": "c0a7f3…",
     *       "hash": "5be2d1…"
     *     }
     */
    StoredEvent: {
      data: components['schemas']['EntryData'];
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      eventId: string;
      /**
       * @description position in the global order
       * @example 17
       */
      globalPosition: number;
      /** @example 5be2d1… */
      hash: string;
      metadata: components['schemas']['EventMetadata'];
      /**
       * Format: date-time
       * @description business time, as far as known
       * @example 2022-05-01T00:00:00.000Z
       */
      occurredAt: string | null;
      /**
       * Format: uuid
       * @description the organisation that recorded it
       */
      organisationId?: string;
      /**
       * @description the previous event's hash (null for the first)
       * @example c0a7f3…
       */
      prevHash: string | null;
      /**
       * Format: date-time
       * @description record time
       * @example 2022-06-01T08:00:00.000Z
       */
      recordedAt: string;
      /** @example 1 */
      schemaVersion: number;
      /**
       * @description the partnership id
       * @example dortmund-zhytomyr
       */
      streamId: string;
      /** @example 4 */
      streamVersion: number;
      /**
       * @description the writing transaction (xid8, as a string)
       * @example 7431
       */
      transactionId: string;
      /** @example AidDelivered */
      type: string;
    };
    /**
     * @description A person's subscriptions in one organisation; null partnerships or kinds mean all.
     * @example {
     *       "partnerships": [
     *         "dortmund-zhytomyr"
     *       ],
     *       "kinds": [
     *         "CouncilDecided"
     *       ],
     *       "deadlines": true,
     *       "digest": false,
     *       "language": "uk"
     *     }
     */
    Subscription: {
      /** @description false after a one-click unsubscribe; saving subscribes again */
      readonly active?: boolean;
      /** @description reminders of obligations due soon or overdue */
      deadlines: boolean;
      /** @description the office digest */
      digest: boolean;
      /** @description milestone kinds (event types); null: all */
      kinds: string[] | null;
      /**
       * @description the language of the mails
       * @enum {string}
       */
      language: 'en' | 'de' | 'uk';
      /** @description false when the service sends no mail (no SMTP_URL) */
      readonly mailEnabled?: boolean;
      /** @description partnership ids; null: all of the organisation, []: none */
      partnerships: string[] | null;
      /** Format: date-time */
      readonly unsubscribedAt?: string | null;
    };
    /**
     * @example {
     *       "occurredOn": "2024-02",
     *       "reason": "Contact interrupted",
     *       "decisionReference": "VV 2024/02"
     *     }
     */
    SuspensionDto: {
      decisionReference?: string;
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      reason: string;
      /** @description for a suspension recorded after it ended: the day it was resumed (recorded as a resumption in the same command) */
      resumedOn?: components['schemas']['BusinessDateInput'];
      resumptionReason?: string;
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description How a body voted.
     * @example {
     *       "inFavour": 62,
     *       "against": 4,
     *       "abstained": 2,
     *       "unanimous": false
     *     }
     */
    Tally: {
      abstained?: number;
      against?: number;
      inFavour?: number;
      unanimous?: boolean;
    };
    /**
     * @example {
     *       "occurredOn": "2025-12",
     *       "reason": "Ended by council resolution",
     *       "decisionReference": "DS 2025-0042"
     *     }
     */
    TerminationDto: {
      decisionReference?: string;
      /** @description free text for whoever reads the timeline later */
      note?: string;
      /** @description when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known */
      occurredOn: components['schemas']['BusinessDateInput'];
      reason: string;
      source?: components['schemas']['Source'];
      /**
       * @description public or internal on the organisation's public pages; left out, the organisation's policy for the kind decides
       * @enum {string}
       */
      visibility?: 'public' | 'internal';
    };
    /**
     * @description A correction of an entry; the old values stay visible.
     * @example {
     *       "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "reason": "The signing took place online on 23 February 2023.",
     *       "changes": {
     *         "occurredOn": {
     *           "date": "2023-02-23",
     *           "precision": "day"
     *         },
     *         "mode": "online"
     *       },
     *       "previous": {
     *         "occurredOn": {
     *           "date": "2023-02-09",
     *           "precision": "day"
     *         },
     *         "mode": null
     *       },
     *       "recordedAt": "2023-03-01T09:30:00.000Z",
     *       "actor": "Office for International Relations",
     *       "retracted": false
     *     }
     */
    TimelineCorrection: {
      /** @example Office for International Relations */
      actor: string | null;
      /**
       * @description the new values
       * @example {
       *       "occurredOn": {
       *         "date": "2023-02-23",
       *         "precision": "day"
       *       },
       *       "mode": "online"
       *     }
       */
      changes: {
        [key: string]: unknown;
      };
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      eventId: string;
      /**
       * @description the replaced values (null: was absent)
       * @example {
       *       "occurredOn": {
       *         "date": "2023-02-09",
       *         "precision": "day"
       *       },
       *       "mode": null
       *     }
       */
      previous: {
        [key: string]: unknown;
      };
      /** @example The signing took place online on 23 February 2023. */
      reason: string;
      /**
       * Format: date-time
       * @example 2023-03-01T09:30:00.000Z
       */
      recordedAt: string;
      /**
       * @description the correction itself was retracted
       * @example false
       */
      retracted: boolean;
    };
    /**
     * @description A milestone with its corrections and retraction.
     * @example {
     *       "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *       "partnershipId": "dortmund-zhytomyr",
     *       "streamVersion": 4,
     *       "type": "AidDelivered",
     *       "occurredOn": {
     *         "date": "2022-05",
     *         "precision": "month"
     *       },
     *       "planned": false,
     *       "data": {
     *         "occurredOn": {
     *           "date": "2022-05",
     *           "precision": "month"
     *         },
     *         "receiver": {
     *           "de": "Winnyzja",
     *           "uk": "Вінниця",
     *           "en": "Vinnytsia"
     *         },
     *         "value": {
     *           "amount": "125000.00",
     *           "currency": "EUR"
     *         },
     *         "modality": "in_kind",
     *         "items": [
     *           "generators"
     *         ],
     *         "sector": "energy"
     *       },
     *       "corrections": [],
     *       "corrected": false,
     *       "retracted": false,
     *       "retraction": null,
     *       "recordedAt": "2022-06-01T08:00:00.000Z",
     *       "actor": "Office for International Relations"
     *     }
     */
    TimelineEntry: {
      /** @example Office for International Relations */
      actor: string | null;
      /** @example false */
      corrected: boolean;
      corrections: components['schemas']['TimelineCorrection'][];
      /** @description the current value, corrections applied */
      data: components['schemas']['EntryData'];
      /**
       * Format: uuid
       * @example 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f
       */
      eventId: string;
      occurredOn: components['schemas']['BusinessDate'] | null;
      /** @description the value as first recorded; only when the entry was corrected */
      original?: components['schemas']['EntryData'];
      /** @example dortmund-zhytomyr */
      partnershipId: string;
      /** @description for a plan entry: how the plan ended up */
      plan?: components['schemas']['PlanAnnotation'];
      /** @example false */
      planned: boolean;
      /** @description for a live delivery: how much of it the receiver has confirmed, as of the day asked about */
      receipt?: components['schemas']['Receipt'];
      /**
       * Format: date-time
       * @example 2022-06-01T08:00:00.000Z
       */
      recordedAt: string;
      /** @description which organisation recorded it, on which side */
      recordedBy?: components['schemas']['RecordedBy'];
      /** @example false */
      retracted: boolean;
      retraction: components['schemas']['Retraction'] | null;
      /** @example 4 */
      streamVersion: number;
      /**
       * @description the event type
       * @example AidDelivered
       */
      type: string;
    };
    /**
     * @description A page of the timeline: milestones ordered by business date (start of its precision), then by stream order; follow nextCursor for the next page (null: the last one).
     * @example {
     *       "partnershipId": "dortmund-zhytomyr",
     *       "version": 24,
     *       "asOf": null,
     *       "entries": [
     *         {
     *           "eventId": "01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f",
     *           "partnershipId": "dortmund-zhytomyr",
     *           "streamVersion": 4,
     *           "type": "AidDelivered",
     *           "occurredOn": {
     *             "date": "2022-05",
     *             "precision": "month"
     *           },
     *           "planned": false,
     *           "data": {
     *             "occurredOn": {
     *               "date": "2022-05",
     *               "precision": "month"
     *             },
     *             "receiver": {
     *               "de": "Winnyzja",
     *               "uk": "Вінниця",
     *               "en": "Vinnytsia"
     *             },
     *             "value": {
     *               "amount": "125000.00",
     *               "currency": "EUR"
     *             },
     *             "modality": "in_kind",
     *             "items": [
     *               "generators"
     *             ],
     *             "sector": "energy"
     *           },
     *           "corrections": [],
     *           "corrected": false,
     *           "retracted": false,
     *           "retraction": null,
     *           "recordedAt": "2022-06-01T08:00:00.000Z",
     *           "actor": "Office for International Relations"
     *         }
     *       ],
     *       "nextCursor": null
     *     }
     */
    TimelinePage: {
      asOf: components['schemas']['AsOf'] | null;
      entries: components['schemas']['TimelineEntry'][];
      /** @example eyJzb3J0RGF0ZSI6IjIwMjMtMDEtMDEiLCJzdHJlYW1WZXJzaW9uIjo3fQ.c2lnbmF0dXJlLW9mLXRoZQ */
      nextCursor: string | null;
      /** @example dortmund-zhytomyr */
      partnershipId: string;
      /**
       * @description the stream version; also the ETag
       * @example 24
       */
      version: number;
    };
    /**
     * @description Name, languages or settings to change; settings given replace those fields only.
     * @example {
     *       "settings": {
     *         "iati": {
     *           "ref": "DE-GOV-05913000",
     *           "name": "Stadt Dortmund",
     *           "type": "10"
     *         }
     *       }
     *     }
     */
    UpdateOrganisation: {
      /**
       * @example [
       *       "de",
       *       "en",
       *       "uk"
       *     ]
       */
      languages?: ('en' | 'de' | 'uk')[];
      /** @example Stadt Dortmund */
      name?: string;
      settings?: components['schemas']['OrganisationSettings'];
    };
    /**
     * @example {
     *       "visibility": "internal",
     *       "reason": "The receiver asked not to be named publicly."
     *     }
     */
    VisibilityDto: {
      reason: string;
      /** @enum {string} */
      visibility: 'public' | 'internal';
    };
    /**
     * @description One event for one endpoint, with its attempts (on the single delivery).
     * @example {
     *       "id": "6f1d3c52-5b8e-5a8f-9a43-7f4f3c0de1a1",
     *       "messageId": "msg_6f1d3c525b8e5a8f9a437f4f3c0de1a1",
     *       "eventId": "0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e6f",
     *       "eventType": "CouncilDecided",
     *       "state": "dead",
     *       "attempts": 8,
     *       "nextAttemptAt": null,
     *       "lastStatus": 500,
     *       "lastError": "answered 500",
     *       "createdAt": "2026-12-04T09:00:00.000Z",
     *       "deliveredAt": null,
     *       "deadAt": "2026-12-05T13:35:05.000Z"
     *     }
     */
    WebhookDelivery: {
      /** @description attempt, attemptedAt, outcome, statusCode, durationMs, error */
      attemptLog?: Record<string, never>[];
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deadAt?: string | null;
      /** Format: date-time */
      deliveredAt?: string | null;
      eventId: string;
      eventType: string;
      id: string;
      lastError?: string | null;
      lastStatus?: number | null;
      /** @description the webhook-id header: the same on every attempt */
      messageId: string;
      /** Format: date-time */
      nextAttemptAt?: string | null;
      /** @enum {string} */
      state: 'pending' | 'delivered' | 'dead';
    };
    /**
     * @description A webhook endpoint of the acting organisation. `secret` is present only in the answer that made it.
     * @example {
     *       "id": "0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e6f",
     *       "url": "https://ratsinfo.example.org/hooks/ledger",
     *       "events": [
     *         "*"
     *       ],
     *       "state": "enabled",
     *       "createdAt": "2026-12-04T09:00:00.000Z",
     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
     *     }
     */
    WebhookEndpoint: {
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      disabledAt?: string | null;
      disabledReason?: string | null;
      events: string[];
      /**
       * Format: date-time
       * @description failing without a success since then
       */
      failingSince?: string | null;
      id: string;
      /**
       * Format: date-time
       * @description the rotated-out secret signs too until then
       */
      previousSecretValidUntil?: string | null;
      /** @description the signing secret (whsec_…): shown once */
      secret?: string;
      /** @enum {string} */
      state: 'enabled' | 'disabled';
      url: string;
    };
    /**
     * @description A URL to post entries to, and which event types.
     * @example {
     *       "url": "https://ratsinfo.example.org/hooks/ledger",
     *       "events": [
     *         "CouncilDecided",
     *         "AgreementSigned"
     *       ]
     *     }
     */
    WebhookEndpointInput: {
      /** @description event types, or ["*"] for all */
      events: string[];
      /** @description https (http only with WEBHOOK_ALLOW_HTTP); no private, loopback or link-local address */
      url: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AidLedgerController_aid: {
    parameters: {
      query?: {
        currency?: string;
        /** @description First day (not after `to`). */
        from?: string;
        groupBy?: 'receiver' | 'month' | 'currency' | 'sector';
        kind?: 'delivered' | 'committed';
        partnershipId?: string;
        receiver?: string;
        sector?: string;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AidResult'];
        };
      };
      /** @description a filter is invalid (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IatiController_period: {
    parameters: {
      query?: {
        /** @description First day (YYYY, YYYY-MM or YYYY-MM-DD: its first day). Default: all aid recorded. */
        from?: string;
        /** @description Last day (YYYY, YYYY-MM or YYYY-MM-DD: its last day). */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description an iati-activities document (IATI 2.03); Content-Disposition names the file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/xml': string;
        };
      };
      /** @description from or to is not a date, or from is after to (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no aid with a value is dated in the period (nothing_to_export) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the export is not configured: IATI_REPORTING_ORG_REF is not set (iati_not_configured) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  CalendarController_calendar: {
    parameters: {
      query?: {
        days?: number;
        /** @description First day (default: today). */
        from?: string;
        partnershipId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarItem'][];
        };
      };
      /** @description from, days or partnershipId is invalid (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  CalendarController_ics: {
    parameters: {
      query?: {
        days?: number;
        /** @description First day (default: today). */
        from?: string;
        partnershipId?: string;
        /** @description A calendar subscription token (POST /api/v1/calendar/feeds), for calendar apps that cannot send an Authorization header. */
        token?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description an iCalendar (RFC 5545) feed of all-day events; cancelled plans and waived obligations carry STATUS:CANCELLED */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/calendar': string;
        };
      };
      /** @description from, days or partnershipId is invalid (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the subscription token is for another partnership (feed_scope) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  FeedsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarFeedList'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  FeedsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateFeedDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedCalendarFeed'];
        };
      };
      /** @description invalid name, or partnershipId is not a recorded partnership (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  FeedsController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description revoked (revoking twice is no error) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such subscription, or one another key created (feed_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ChangesController_changes: {
    parameters: {
      query?: {
        /** @description a cursor (nextCursor of a page, or the id of a stream message): start after it; absent: from the beginning */
        after?: string;
        limit?: number;
        /** @description seconds to wait for an event when none is there yet (long poll); answered as soon as one is */
        wait?: number;
      };
      header?: {
        /** @description for the event stream: the id of the last event received; wins over `after` */
        'Last-Event-ID'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of events (application/json), or the event stream when Accept asks for text/event-stream: one message per event (data: the event as JSON, id: the cursor after it) and heartbeat comments */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChangePage'];
          'text/event-stream': string;
        };
      };
      /** @description after (or Last-Event-ID), limit or wait is invalid (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ChangesController_stream: {
    parameters: {
      query?: {
        /** @description a cursor (nextCursor of a page, or the id of a stream message): start after it; absent: from the beginning */
        after?: string;
      };
      header?: {
        /** @description the id of the last event received; wins over `after` */
        'Last-Event-ID'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one message per event (data: the event as JSON, id: the cursor after it) and heartbeat comments */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description after or Last-Event-ID is not a cursor this service issued (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  KeysController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyList'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  KeysController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateKeyDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiKey'];
        };
      };
      /** @description invalid name, role or expiry (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  KeysController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description revoked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such key (key_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  KeysController_rotate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RotateKeyDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RotatedApiKey'];
        };
      };
      /** @description invalid grace or expiresIn (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such key (key_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key is revoked, expired or already rotated (key_not_rotatable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MeController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  SubscriptionsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Subscription'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  SubscriptionsController_put: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Subscription'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Subscription'];
        };
      };
      /** @description a field is missing or wrong (validation_failed), each named in errors */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestoneKindsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description every milestone kind */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MilestoneKinds'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ObligationsController_list: {
    parameters: {
      query?: {
        /** @description Only obligations due on or before this day. */
        dueBy?: string;
        partnershipId?: string;
        status?: 'open' | 'fulfilled' | 'waived';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ObligationItem'][];
        };
      };
      /** @description status, partnershipId or dueBy is invalid (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OrganisationsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganisationList'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OrganisationsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateOrganisation'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Organisation'];
        };
      };
      /** @description invalid or taken slug, name, languages or settings (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OrganisationsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Organisation'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such organisation, or not yours (organisation_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OrganisationsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateOrganisation'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Organisation'];
        };
      };
      /** @description invalid name, languages or settings (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such organisation, or not yours (organisation_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OrganisationsController_invite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateInvitation'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedInvitation'];
        };
      };
      /** @description invalid validFor (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such organisation or partnership of yours (organisation_not_found, partnership_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OrganisationsController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcceptInvitation'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Invitation'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown invitation or organisation (invitation_not_found, organisation_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the partnership has a partner already, or is your own (partner_already_linked, invitation_to_self) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the invitation was used or expired (invitation_used, invitation_expired) */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OrganisationsController_members: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberList'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such organisation, or not yours (organisation_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OrganisationsController_addMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddMember'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Member'];
        };
      };
      /** @description invalid identity, e-mail or roles (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such organisation, or not yours (organisation_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OrganisationsController_unlink: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        partnershipId: string;
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description unlinked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such organisation, partnership or link (organisation_not_found, link_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  StatusController_list: {
    parameters: {
      query?: {
        area?: string;
        /** @description Part of the counterpart name, in any recorded language. */
        counterpart?: string;
        /** @description nextCursor of the previous page. */
        cursor?: string;
        limit?: number;
        /** @description Text search over names, areas and ids. */
        q?: string;
        standing?: 'active' | 'suspended' | 'terminated' | 'dormant';
        tier?: 'initiative' | 'contact' | 'solidarity' | 'friendship' | 'project_partnership' | 'twinning';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PartnershipPage'];
        };
      };
      /** @description a filter, limit or cursor is invalid (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_initiate: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['InitiatePartnershipDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  StatusController_get: {
    parameters: {
      query?: {
        /** @description Record time: the status as the ledger knew it then. */
        knownAt?: string;
        /** @description Business date: the status as it was on this day. */
        validAt?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ETag is the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PartnershipDetail'];
        };
      };
      /** @description validAt or knownAt is invalid (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership (partnership_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_recordActivity: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ActivityDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_recordAgreement: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AgreementDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_recordAidCommitment: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AidCommitmentDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_recordAidDelivery: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AidDeliveryDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_confirmAidReceipt: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AidReceiptConfirmationDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  IatiController_partnership: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description an iati-activities document (IATI 2.03); Content-Disposition names the file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/xml': string;
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership (partnership_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the export is not configured: IATI_REPORTING_ORG_REF is not set (iati_not_configured) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_addArea: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AreaDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_removeArea: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AreaRemovalDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_recordBoardReview: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BoardReviewDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_recordCommitteeDecision: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommitteeDecisionDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_referToCommittee: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommitteeReferralDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_recordCouncilDecision: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CouncilDecisionDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_designateCounterpart: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DesignateCounterpartDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_renameCounterpart: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RenameCounterpartDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_attachDocument: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DocumentDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_prepareDraftResolution: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DraftResolutionDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_correct: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        eventId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CorrectionDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_retract: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        eventId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RetractionDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_visibility: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        eventId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VisibilityDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  TimelineController_events: {
    parameters: {
      query?: {
        fromVersion?: number;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PartnershipEvents'];
        };
      };
      /** @description fromVersion or limit is invalid (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership (partnership_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_recordFunding: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FundingDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  PlacesController_mapData: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the places and the years with deliveries */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            places: {
              at?: {
                [key: string]: unknown;
              } | null;
              country?: string | null;
              deliveries?: number;
              key?: string;
              name?: {
                [key: string]: string;
              };
              /** @enum {string} */
              role?: 'partner' | 'receiver';
              suggestions?: {
                [key: string]: unknown;
              }[];
              totals?: {
                [key: string]: string;
              };
            }[];
            years: string[];
          };
        };
      };
      /** @description a year that is not YYYY */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  PlacesController_mapSvg: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the SVG */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/svg+xml': string;
        };
      };
      /** @description a year that is not YYYY */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_addNote: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NoteDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_extendObligation: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ObligationExtensionDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_recordObligationFulfilled: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ObligationFulfilmentDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_waiveObligation: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ObligationWaiverDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_addParticipant: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ParticipantDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_removeParticipant: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ParticipantLeaveDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_resume: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResumptionDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_scheduleSigning: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SigningScheduleDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_suspend: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SuspensionDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  MilestonesController_terminate: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the first result instead of writing again */
        'Idempotency-Key'?: string;
        /** @description the version you last saw ("3"); the command fails with 412 if it changed */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TerminationDto'];
      };
    };
    responses: {
      /** @description nothing to record (e.g. the area was already there) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description recorded; ETag is the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResult'];
        };
      };
      /** @description invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership or entry (partnership_not_found, entry_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ConflictProblem'];
        };
      };
      /** @description If-Match names an older version (precondition_failed) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     too many writers on this partnership at once; Retry-After says when to retry
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  TimelineController_timeline: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page. */
        cursor?: string;
        /** @description Record time: the status as the ledger knew it then. */
        knownAt?: string;
        limit?: number;
        /** @description Business date: the status as it was on this day. */
        validAt?: string;
      };
      header?: {
        /** @description the ETag of an earlier answer: 304 while the version is unchanged */
        'If-None-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ETag is the version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TimelinePage'];
        };
      };
      /** @description not modified: the version is still the one named in If-None-Match */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validAt, knownAt, limit or cursor is invalid (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership (partnership_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  PeopleController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasureList'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  PeopleController_erase: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EraseDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasureOutcome'];
        };
      };
      /** @description no name or subject, or no reason (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such subject (subject_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  PlacesController_choose: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          geonameId?: number;
          lat?: number;
          lon?: number;
        };
      };
    };
    responses: {
      /** @description stored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            geonameId: number | null;
            key: string;
            lat: number;
            lon: number;
            /** @enum {string} */
            source: 'office' | 'gazetteer';
          };
        };
      };
      /** @description neither a known geonameId nor lon/lat in range */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ProjectionsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectionStatus'][];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ProjectionsController_rebuild: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description queued; Location points at the progress */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RebuildAccepted'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an organisation other than the instance operator (operator_only) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no projection of that name (projection_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description a rebuild is already running (rebuild_in_progress) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Redis is unavailable, nothing queued (queue_unavailable); Retry-After says when to retry */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  PlacesController_settings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description milestone kinds public unless marked internal */
            defaultPublicKinds: string[];
            enabled: boolean;
          };
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  PlacesController_setSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description milestone kinds public unless marked internal */
          defaultPublicKinds: string[];
          enabled: boolean;
        };
      };
    };
    responses: {
      /** @description stored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description milestone kinds public unless marked internal */
            defaultPublicKinds: string[];
            enabled: boolean;
          };
        };
      };
      /** @description a field missing or a kind that is no milestone */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ReportsController_list: {
    parameters: {
      query?: {
        cursor?: unknown;
        limit?: number;
        status?: 'queued' | 'running' | 'completed' | 'failed';
        type?: 'dossier' | 'aid_summary' | 'office_digest' | 'reminders' | 'aid_iati';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportPage'];
        };
      };
      /** @description an unknown or invalid query parameter, or a cursor this endpoint did not return (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ReportsController_request: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReportRequest'];
      };
    };
    responses: {
      /** @description queued; the Location header points at the report */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportAccepted'];
        };
      };
      /** @description unknown type or bad parameters, nothing queued (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unknown partnership, nothing queued (partnership_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is larger than 1 MiB (payload_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the database is unavailable, nothing kept (reports_unavailable); Retry-After says when to retry */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ReportsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Report'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such report (report_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ReportsController_download: {
    parameters: {
      query?: {
        format?: 'html' | 'pdf' | 'json' | 'csv' | 'xml';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file, as its format says; attachment except html */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
          'application/pdf': string;
          'text/csv': string;
          'text/html': string;
        };
      };
      /** @description a format this report type does not have (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such report or file (report_not_found, report_file_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not completed yet, or failed (report_not_ready); Retry-After while it is running */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  SubscriptionsController_page: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page with one button that posts the one-click unsubscribe */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description the token is not one this service signed (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  SubscriptionsController_oneClick: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description unsubscribed; changed: false when there was nothing to end */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            changed: boolean;
            /** @enum {boolean} */
            unsubscribed: true;
          };
        };
      };
      /** @description the token is not one this service signed (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  WebhooksController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpoint'][];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  WebhooksController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookEndpointInput'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpoint'];
        };
      };
      /** @description a field is missing or wrong (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the URL may not be reached: scheme, credentials, or a private, loopback or link-local address (webhook_url_refused, naming url) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  WebhooksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpoint'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such endpoint (not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  WebhooksController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such endpoint (not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  WebhooksController_deliveries: {
    parameters: {
      query?: {
        limit?: number;
        state?: 'pending' | 'delivered' | 'dead';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDelivery'][];
        };
      };
      /** @description an unknown state or a bad limit (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such endpoint (not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  WebhooksController_delivery: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        deliveryId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDelivery'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such endpoint or delivery (not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  WebhooksController_redeliver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        deliveryId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDelivery'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such endpoint or delivery (not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the delivery is not dead, or the endpoint is disabled (delivery_not_dead, endpoint_disabled) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  WebhooksController_enable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpoint'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such endpoint (not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  WebhooksController_rotate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpoint'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such endpoint (not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Liveness'];
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Readiness'];
        };
      };
      /** @description a dependency is down (not_ready) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['NotReadyProblem'];
        };
      };
    };
  };
  HealthController_readyDetails: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Readiness'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description the key cannot be checked right now (auth_unavailable); retry shortly
       *
       *     a dependency is down (not_ready), with the details
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['NotReadyProblem'];
        };
      };
    };
  };
  OParlController_root: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OParlSystem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OParlController_object: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        type: 'organization' | 'meeting' | 'agendaitem' | 'paper' | 'consultation';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the object of the type in the path */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | components['schemas']['OParlOrganization']
            | components['schemas']['OParlMeeting']
            | components['schemas']['OParlPaper']
            | components['schemas']['OParlAgendaItem']
            | components['schemas']['OParlConsultation'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such object type or object (oparl_object_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OParlController_bodies: {
    parameters: {
      query?: {
        /** @description Only objects created at or after this date-time (with offset). */
        created_since?: string;
        /** @description Only objects created at or before this date-time. */
        created_until?: string;
        /** @description Objects per page (default 100, at most 1000). */
        elementsPerPage?: string;
        /** @description Only objects modified at or after this date-time; deleted objects are included. */
        modified_since?: string;
        /** @description Only objects modified at or before this date-time. */
        modified_until?: string;
        /** @description Page number, from 1. */
        page?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OParlBodyList'];
        };
      };
      /** @description a filter is not a date-time with offset, a since is after its until, or page/elementsPerPage is not a whole number (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OParlController_body: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        body: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OParlBody'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such body (oparl_object_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OParlController_list: {
    parameters: {
      query?: {
        /** @description Only objects created at or after this date-time (with offset). */
        created_since?: string;
        /** @description Only objects created at or before this date-time. */
        created_until?: string;
        /** @description Objects per page (default 100, at most 1000). */
        elementsPerPage?: string;
        /** @description Only objects modified at or after this date-time; deleted objects are included. */
        modified_since?: string;
        /** @description Only objects modified at or before this date-time. */
        modified_until?: string;
        /** @description Page number, from 1. */
        page?: string;
      };
      header?: never;
      path: {
        body: string;
        list:
          | 'organization'
          | 'meeting'
          | 'paper'
          | 'agendaitem'
          | 'consultation'
          | 'person'
          | 'file'
          | 'locationlist'
          | 'legislativetermlist'
          | 'membership';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OParlObjectList'];
        };
      };
      /** @description a filter is not a date-time with offset, a since is after its until, or page/elementsPerPage is not a whole number (validation_failed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description no such body or list (oparl_object_not_found) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  OParlController_system: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OParlSystem'];
        };
      };
      /** @description no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description the key cannot be checked right now (auth_unavailable); retry shortly */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}
