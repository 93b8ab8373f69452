import { ActionItem } from '../modules/coaching/action-item.entity.js';
import { CoachingSession } from '../modules/coaching/coaching-session.entity.js';
import { DecisionCondition } from '../modules/decisions/decision-condition.entity.js';
import { Decision } from '../modules/decisions/decision.entity.js';
import { LifecycleEvent } from '../modules/events/lifecycle-event.entity.js';
import { OrganizationMove } from '../modules/organizations/organization-move.entity.js';
import { Organization } from '../modules/organizations/organization.entity.js';
import { AuthSession } from '../modules/people/auth-session.entity.js';
import { LoginThrottle } from '../modules/people/login-throttle.entity.js';
import { Person } from '../modules/people/person.entity.js';
import { DistrictMember, Park, ParkMember, ParkStreet } from '../modules/places/park.entity.js';
import { Place } from '../modules/places/place.entity.js';
import { Program } from '../modules/programs/program.entity.js';
import { ProjectMentor } from '../modules/projects/project-mentor.entity.js';
import { Project } from '../modules/projects/project.entity.js';
import { ProposalRevision } from '../modules/projects/proposal-revision.entity.js';
import { ServiceReport } from '../modules/reports/service-report.entity.js';
import { ProjectRecommendation } from '../modules/recommendations/project-recommendation.entity.js';
import { IssuedOperationsReport, OperationsReport } from '../modules/operations-report/operations-report.entity.js';
import { ResourceMatch } from '../modules/resources/resource-match.entity.js';
import { ResourceNeed } from '../modules/resources/resource-need.entity.js';
import { ResourceOffer } from '../modules/resources/resource-offer.entity.js';
import { ActivityAttendance, ActivityOrganization, ActivityProject, ActivityRegistration, ActivitySession, ParkActivity } from '../modules/park-activities/park-activity.entity.js';
import { ReviewAssignment } from '../modules/reviews/review-assignment.entity.js';
import { ReviewRound } from '../modules/reviews/review-round.entity.js';
import { ProgramProjectType, ProjectArea, ProjectType } from '../modules/taxonomy/taxonomy.entity.js';
import { FollowUp } from '../modules/supervision/follow-up.entity.js';
import { SupervisionVisit } from '../modules/supervision/supervision-visit.entity.js';

export const entities = [
  Person,
  AuthSession,
  LoginThrottle,
  Place,
  Park,
  ParkStreet,
  ParkMember,
  DistrictMember,
  Organization,
  OrganizationMove,
  ProjectArea,
  ProjectType,
  Program,
  ProgramProjectType,
  Project,
  ProjectMentor,
  ProposalRevision,
  LifecycleEvent,
  CoachingSession,
  ActionItem,
  ReviewRound,
  ReviewAssignment,
  Decision,
  DecisionCondition,
  SupervisionVisit,
  FollowUp,
  ServiceReport,
  ResourceOffer,
  ResourceNeed,
  ResourceMatch,
  ParkActivity,
  ActivitySession,
  ActivityRegistration,
  ActivityAttendance,
  ActivityProject,
  ActivityOrganization,
  OperationsReport,
  IssuedOperationsReport,
  ProjectRecommendation,
];
