import { Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';

/** The levels of China's administrative hierarchy that incubation work is organised by, top down. */
export enum PlaceLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  STREET = 'STREET',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(PlaceLevel, {
  name: 'PlaceLevel',
  description: 'A level of the administrative hierarchy: each place sits directly under a place of the level above (a district may be a root).',
  valuesConfig: {
    PROVINCE: { description: '省, e.g. 广东省.' },
    CITY: { description: '市, e.g. 深圳市.' },
    DISTRICT: { description: '区, e.g. 龙岗区: the unit that funds programmes and oversees parks.' },
    STREET: { description: '街道, e.g. 横岗街道.' },
    COMMUNITY: { description: '社区, e.g. 六约北社区.' },
  },
});

export const LEVEL_ORDER = [PlaceLevel.PROVINCE, PlaceLevel.CITY, PlaceLevel.DISTRICT, PlaceLevel.STREET, PlaceLevel.COMMUNITY];

/**
 * An administrative unit. `district` is the district the place is in (itself for a district; null
 * above district level): every row that belongs to a district carries that key, so data can be
 * partitioned by district.
 */
@ObjectType({ implements: Node, description: 'A place in the administrative hierarchy: province, city, district, street (街道) or community (社区).' })
@Entity({ tableName: 'place' })
@Unique({ name: 'place_parent_name_unique', expression: 'create unique index "place_parent_name_unique" on "place" ("parent_id", "name") nulls not distinct' })
@Check({ name: 'place_district_level', expression: `(level = 'PROVINCE' or level = 'CITY') = (district_id is null)` })
export class Place extends BaseEntity {
  @Field(() => String, { description: 'The place’s own name, exact as the government writes it, e.g. 横岗街道 (at most 50 characters).' })
  @Property({ type: 'string', length: 50 })
  name!: string;

  @Field(() => PlaceLevel, { description: 'Its level.' })
  @Enum({ items: () => PlaceLevel })
  level!: PlaceLevel;

  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  parent?: Ref<Place> | null;

  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict' })
  @Index()
  district?: Ref<Place> | null;
}
