import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { foreignKey, keyLocator } from '../../descriptions/keyFields';
import { transportOptions } from '../../descriptions/options';
import { jsonFieldsProperty, writeBody } from '../../helpers/body';
import { fail, locatorKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';
import type { MakiniOperation } from './types';

/** What differs between the Create and Update operations of the writable resources. */
export interface WriteConfig {
	/** Node parameter value, e.g. `workOrder` */
	resource: string;
	/** API path segment under /api/eam, e.g. `work-orders` */
	entity: string;
	/**
	 * The field a record is named by (Name, Title): required on Create, the first Update Field. With `picker` it is a
	 * foreign key (a stock's material) offered as a picker; a typed key saved in a workflow keeps working.
	 */
	nameField: {
		displayName: string;
		name: string;
		placeholder: string;
		picker?: { entity: string; searchMethod: string };
	};
	/** Fields a write may set (which ones a system accepts depends on it). */
	fields: INodeProperties[];
	/** Of those, the ones sent as ISO 8601 dates. */
	dateFields?: string[];
	/** The fields of the published request schemas (Update defaults to Create's): the only ones offered. */
	accepted: { create: string[]; update?: string[] };
	/** Parameter name → published request field, where they differ. */
	renamed?: Record<string, string>;
	/** Last touch to the body (e.g. a fixed collection to the published object). */
	finish?: (body: IDataObject) => IDataObject;
}

/** The write fields the published request of `accepted` takes (the form offers no others). */
const offered = (config: WriteConfig, accepted: string[]) =>
	config.fields.filter((field) => accepted.includes(config.renamed?.[field.name] ?? field.name));

const show = (config: WriteConfig, operation: string) => ({
	show: { resource: [config.resource], operation: [operation] },
});

async function send(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
	method: 'POST' | 'PUT',
	path: string,
	body: IDataObject,
): Promise<IDataObject[]> {
	return [await makiniApiRecord.call(this, { method, path, body, itemIndex }, transport)];
}

/** Create: the name field and `typedFields` as parameters, the other fields under Additional Fields. */
export function createOperation(
	config: WriteConfig & { typedFields?: INodeProperties[] },
): MakiniOperation {
	const { nameField, typedFields = [] } = config;
	const { picker, ...named } = nameField;
	return {
		write: true,
		description: updateDisplayOptions(show(config, 'create'), [
			picker
				? keyLocator({ name: named.name, displayName: named.displayName, ...picker })
				: { ...named, type: 'string', default: '', required: true },
			...typedFields,
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: offered(config, config.accepted.create),
			},
			jsonFieldsProperty,
			transportOptions('write'),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number, transport: ListOptions) {
			const body = writeBody(this, itemIndex, {
				typed: [nameField.name, ...typedFields.map((field) => field.name)],
				collection: 'additionalFields',
				dateFields: config.dateFields,
				renamed: config.renamed,
			});
			if (!body[nameField.name]) fail(this, itemIndex, nameField.displayName, 'is required');
			const finished = config.finish ? config.finish(body) : body;
			return await send.call(
				this,
				itemIndex,
				transport,
				'POST',
				`/api/eam/${config.entity}`,
				finished,
			);
		},
	};
}

/** Update: the record picked by `locator`, then the fields to change under Update Fields. */
export function updateOperation(
	config: WriteConfig & { locator: { name: string; displayName: string; searchMethod: string } },
): MakiniOperation {
	const { locator, nameField } = config;
	return {
		write: true,
		description: updateDisplayOptions(show(config, 'update'), [
			keyLocator({ ...locator, entity: config.entity }),
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					nameField.picker
						? foreignKey(
								nameField.displayName,
								nameField.name,
								nameField.picker.entity,
								nameField.picker.searchMethod,
							)
						: {
								displayName: nameField.displayName,
								name: nameField.name,
								type: 'string',
								default: '',
							},
					...offered(config, config.accepted.update ?? config.accepted.create),
				],
			},
			jsonFieldsProperty,
			transportOptions('write'),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number, transport: ListOptions) {
			const key = locatorKey(this, itemIndex, locator.name, locator.displayName);
			const body = writeBody(this, itemIndex, {
				collection: 'updateFields',
				dateFields: config.dateFields,
				renamed: config.renamed,
			});
			if (Object.keys(body).length === 0)
				fail(this, itemIndex, 'Update Fields', 'add at least one field to change');
			const path = `/api/eam/${config.entity}/${key}`;
			const finished = config.finish ? config.finish(body) : body;
			return await send.call(this, itemIndex, transport, 'PUT', path, finished);
		},
	};
}
