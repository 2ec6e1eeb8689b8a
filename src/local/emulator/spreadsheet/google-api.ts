// Method names Google's Spreadsheet service has (from the Apps Script reference, as listed in
// @types/google-apps-script). Any of them the emulator does not implement is installed as a stub
// that throws "Not implemented in the emulator: Class.method" instead of silently doing nothing.

const w = (s: string): string[] => s.split(/\s+/).filter((x) => x !== "");

export const GOOGLE_METHODS: Record<string, string[]> = {
  SpreadsheetApp:
    w(`create enableAllDataSourcesExecution enableBigQueryExecution flush getActive getActiveRange
    getActiveRangeList getActiveSheet getActiveSpreadsheet getCurrentCell getSelection getUi newCellImage newColor
    newConditionalFormatRule newDataSourceSpec newDataValidation newFilterCriteria newRichTextValue newTextStyle open
    openById openByUrl setActiveRange setActiveRangeList setActiveSheet setActiveSpreadsheet setCurrentCell`),
  Spreadsheet:
    w(`addDeveloperMetadata addEditor addEditors addMenu addViewer addViewers appendRow autoResizeColumn copy
    createDeveloperMetadataFinder createTextFinder deleteActiveSheet deleteColumn deleteColumns deleteRow deleteRows
    deleteSheet duplicateActiveSheet getActiveCell getActiveRange getActiveRangeList getActiveSheet getAs getBandings
    getBlob getColumnWidth getCurrentCell getDataRange getDataSourceTables getDeveloperMetadata getEditors getFormUrl
    getFrozenColumns getFrozenRows getId getImages getIterativeCalculationConvergenceThreshold getLastColumn getLastRow
    getMaxIterativeCalculationCycles getName getNamedRanges getNumSheets getOwner getPredefinedSpreadsheetThemes
    getProtections getRange getRangeByName getRangeList getRecalculationInterval getRowHeight getSelection getSheetById
    getSheetByName getSheetId getSheetName getSheetValues getSheets getSpreadsheetLocale getSpreadsheetTheme
    getSpreadsheetTimeZone getUrl getViewers hideColumn hideRow insertColumnAfter insertColumnBefore insertColumnsAfter
    insertColumnsBefore insertImage insertRowAfter insertRowBefore insertRowsAfter insertRowsBefore insertSheet
    insertSheetWithDataSourceTable isColumnHiddenByUser isIterativeCalculationEnabled isRowHiddenByFilter
    isRowHiddenByUser moveActiveSheet moveChartToObjectSheet removeEditor removeMenu removeNamedRange removeViewer
    rename renameActiveSheet resetSpreadsheetTheme setActiveRange setActiveRangeList setActiveSelection setActiveSheet
    setColumnWidth setCurrentCell setFrozenColumns setFrozenRows setIterativeCalculationConvergenceThreshold
    setIterativeCalculationEnabled setMaxIterativeCalculationCycles setNamedRange setRecalculationInterval setRowHeight
    setSpreadsheetLocale setSpreadsheetTheme setSpreadsheetTimeZone show sort toast unhideColumn unhideRow updateMenu`),
  Sheet:
    w(`activate addDeveloperMetadata appendRow asDataSourceSheet autoResizeColumn autoResizeColumns autoResizeRows
    clear clearConditionalFormatRules clearContents clearFormats clearNotes collapseAllColumnGroups collapseAllRowGroups
    copyTo createDeveloperMetadataFinder createTextFinder deleteColumn deleteColumns deleteRow deleteRows
    expandAllColumnGroups expandAllRowGroups expandColumnGroupsUpToDepth expandRowGroupsUpToDepth getActiveCell
    getActiveRange getActiveRangeList getBandings getCharts getColumnGroup getColumnGroupControlPosition
    getColumnGroupDepth getColumnWidth getConditionalFormatRules getCurrentCell getDataRange getDataSourceTables
    getDeveloperMetadata getDrawings getFilter getFormUrl getFrozenColumns getFrozenRows getImages getIndex
    getLastColumn getLastRow getMaxColumns getMaxRows getName getNamedRanges getParent getPivotTables getProtections
    getRange getRangeList getRowGroup getRowGroupControlPosition getRowGroupDepth getRowHeight getSelection getSheetId
    getSheetName getSheetValues getSlicers getTabColor getType hasHiddenGridlines hideColumn hideColumns hideRow
    hideRows hideSheet insertChart insertColumnAfter insertColumnBefore insertColumns insertColumnsAfter
    insertColumnsBefore insertImage insertRowAfter insertRowBefore insertRows insertRowsAfter insertRowsBefore
    insertSlicer isColumnHiddenByUser isRightToLeft isRowHiddenByFilter isRowHiddenByUser isSheetHidden moveColumns
    moveRows newChart protect removeChart setActiveRange setActiveRangeList setActiveSelection
    setColumnGroupControlPosition setColumnWidth setColumnWidths setConditionalFormatRules setCurrentCell
    setFrozenColumns setFrozenRows setHiddenGridlines setName setRightToLeft setRowGroupControlPosition setRowHeight
    setRowHeights setRowHeightsForced setTabColor showColumns showRows showSheet sort unhideColumn unhideRow
    updateChart`),
  Range: w(`activate activateAsCurrentCell addDeveloperMetadata applyColumnBanding applyRowBanding autoFill
    autoFillToNeighbor breakApart canEdit check clear clearContent clearDataValidations clearFormat clearNote
    collapseGroups copyFormatToRange copyTo copyValuesToRange createDataSourcePivotTable createDataSourceTable
    createDeveloperMetadataFinder createFilter createPivotTable createTextFinder deleteCells expandGroups
    getA1Notation getBackground getBackgroundObject getBackgroundObjects getBackgrounds getBandings getCell getColumn
    getDataRegion getDataSourceFormula getDataSourceFormulas getDataSourcePivotTables getDataSourceTables
    getDataSourceUrl getDataTable getDataValidation getDataValidations getDeveloperMetadata getDisplayValue
    getDisplayValues getFilter getFontColorObject getFontColorObjects getFontFamilies getFontFamily getFontLine
    getFontLines getFontSize getFontSizes getFontStyle getFontStyles getFontWeight getFontWeights getFormula
    getFormulaR1C1 getFormulas getFormulasR1C1 getGridId getHeight getHorizontalAlignment getHorizontalAlignments
    getLastColumn getLastRow getMergedRanges getNextDataCell getNote getNotes getNumColumns getNumRows
    getNumberFormat getNumberFormats getRichTextValue getRichTextValues getRow getRowIndex getSheet getTextDirection
    getTextDirections getTextRotation getTextRotations getTextStyle getTextStyles getValue getValues
    getVerticalAlignment getVerticalAlignments getWidth getWrap getWrapStrategies getWrapStrategy getWraps
    insertCells insertCheckboxes isBlank isChecked isEndColumnBounded isEndRowBounded isPartOfMerge
    isStartColumnBounded isStartRowBounded merge mergeAcross mergeVertically moveTo offset protect randomize
    removeCheckboxes removeDuplicates setBackground setBackgroundObject setBackgroundObjects setBackgroundRGB
    setBackgrounds setBorder setDataValidation setDataValidations setFontColor setFontColorObject
    setFontColorObjects setFontColors setFontFamilies setFontFamily setFontLine setFontLines setFontSize setFontSizes
    setFontStyle setFontStyles setFontWeight setFontWeights setFormula setFormulaR1C1 setFormulas setFormulasR1C1
    setHorizontalAlignment setHorizontalAlignments setNote setNotes setNumberFormat setNumberFormats
    setRichTextValue setRichTextValues setShowHyperlink setTextDirection setTextDirections setTextRotation
    setTextRotations setTextStyle setTextStyles setValue setValues setVerticalAlignment setVerticalAlignments
    setVerticalText setWrap setWrapStrategies setWrapStrategy setWraps shiftColumnGroupDepth shiftRowGroupDepth sort
    splitTextToColumns trimWhitespace uncheck`),
  RangeList: w(`activate breakApart check clear clearContent clearDataValidations clearFormat clearNote
    getRanges insertCheckboxes removeCheckboxes setBackground setBackgroundRGB setBorder setFontColor setFontFamily
    setFontLine setFontSize setFontStyle setFontWeight setFormula setFormulaR1C1 setHorizontalAlignment setNote
    setNumberFormat setShowHyperlink setTextDirection setTextRotation setValue setVerticalAlignment setVerticalText
    setWrap setWrapStrategy trimWhitespace uncheck`),
  Protection:
    w(`addEditor addEditors canDomainEdit canEdit getDescription getEditors getProtectionType getRange
    getRangeName getUnprotectedRanges isWarningOnly remove removeEditor removeEditors setDescription setDomainEdit
    setNamedRange setRange setRangeName setUnprotectedRanges setWarningOnly`),
  DeveloperMetadata: w(`getId getKey getLocation getValue getVisibility moveToColumn moveToRow moveToSheet
    moveToSpreadsheet remove setKey setValue setVisibility`),
  DeveloperMetadataFinder: w(
    "find onIntersectingLocations withId withKey withLocationType withValue withVisibility",
  ),
  DeveloperMetadataLocation: w(
    "getColumn getDataSourceColumn getLocationType getRow getSheet getSpreadsheet",
  ),
  DataValidation: w("copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText"),
  DataValidationBuilder:
    w(`build copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText requireCheckbox
    requireDate requireDateAfter requireDateBefore requireDateBetween requireDateEqualTo requireDateNotBetween
    requireDateOnOrAfter requireDateOnOrBefore requireFormulaSatisfied requireNumberBetween requireNumberEqualTo
    requireNumberGreaterThan requireNumberGreaterThanOrEqualTo requireNumberLessThan requireNumberLessThanOrEqualTo
    requireNumberNotBetween requireNumberNotEqualTo requireTextContains requireTextDoesNotContain requireTextEqualTo
    requireTextIsEmail requireTextIsUrl requireValueInList requireValueInRange setAllowInvalid setHelpText
    withCriteria`),
};
