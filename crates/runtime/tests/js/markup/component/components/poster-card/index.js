Component({
  options: { multipleSlots: true },
  properties: {
    width: { type: Number, value: 400 },
    height: { type: Number, value: 300 },
  },
});
