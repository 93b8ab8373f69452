import { Organization } from '../modules/organizations/organization.entity.js';
import { Person } from '../modules/people/person.entity.js';
import { Program } from '../modules/programs/program.entity.js';
import { ProjectMentor } from '../modules/projects/project-mentor.entity.js';
import { Project } from '../modules/projects/project.entity.js';
import { ProposalRevision } from '../modules/projects/proposal-revision.entity.js';

export const entities = [Person, Organization, Program, Project, ProjectMentor, ProposalRevision];
