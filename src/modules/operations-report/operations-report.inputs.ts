import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Whose report and which period: a park or a whole district, and a year, a quarter of it, or a month of it.' })
export class ReportScopeInput {
  @Field(() => ID, { nullable: true, description: 'The park (its staff, or its district’s); give this or `districtId`.' }) parkId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The district, for its roll-up of every park (its staff).' }) districtId?: string | null;
  @Field(() => Int, { description: 'The year, 2000 to 2100.' }) year!: number;
  @Field(() => Int, { nullable: true, description: 'A quarter of the year, 1 to 4; not with `month`.' }) quarter?: number | null;
  @Field(() => Int, { nullable: true, description: 'A month of the year, 1 to 12; not with `quarter`.' }) month?: number | null;
}

@InputType({ description: 'A narrative section of a report.' })
export class NarrativeSectionInput {
  @Field(() => String, { description: 'Its heading (at most 200 characters), e.g. 一、推进基层社会治理.' }) heading!: string;
  @Field(() => String, { description: 'Its text (at most 10,000 characters); a blank line starts a new paragraph. Plain text: markup is shown as written.' }) body!: string;
}

@InputType({ description: 'The narrative sections of a report’s working copy, replacing those saved before.' })
export class SaveReportSectionsInput {
  @Field(() => ReportScopeInput, { description: 'Whose report and which period.' }) scope!: ReportScopeInput;
  @Field(() => [NarrativeSectionInput], { description: 'The sections, in order, at most 30.' }) sections!: NarrativeSectionInput[];
  @Field(() => Int, { nullable: true, description: 'The `version` you read; when someone saved since, CONFLICT and nothing changes.' }) expectedVersion?: number | null;
}

@InputType({ description: 'Issue a report: freeze its figures and sections as the next numbered version.' })
export class IssueReportInput {
  @Field(() => ReportScopeInput, { description: 'Whose report and which period.' }) scope!: ReportScopeInput;
  @Field(() => String, { nullable: true, description: 'What a version after the first corrects (at most 2,000 characters); required from version 2 on.' }) note?: string | null;
}
